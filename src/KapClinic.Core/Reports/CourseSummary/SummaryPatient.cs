namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>Who the summary is about: the name (a referrer needs it), MRN and date of birth.</summary>
public sealed record SummaryPatient(string Mrn, string FirstName, string LastName, DateOnly DateOfBirth)
{
    public string Name => $"{FirstName} {LastName}";
}
