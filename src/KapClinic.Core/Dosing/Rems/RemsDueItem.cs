namespace KapClinic.Core.Dosing.Rems;

/// <summary>An esketamine session whose REMS form is not submitted yet, with its due date as of today.</summary>
public sealed record RemsDueItem(
    Guid SessionId, Guid PatientId, string PatientName, string Mrn, string ClinicianName, DateOnly SessionDate, bool IsSessionSigned, DateOnly Today)
{
    public DateOnly DueOn => SessionDate.AddDays(RemsForm.DueWithinDays);

    public int DaysLeft => DueOn.DayNumber - Today.DayNumber;

    public bool IsOverdue => Today > DueOn;

    public RemsStatus Status => RemsForm.StatusOf(false, DueOn, Today);

    public string StatusText => RemsText.StatusText(Status, DaysLeft);
}
