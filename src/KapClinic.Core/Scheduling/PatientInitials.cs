using System.Globalization;

namespace KapClinic.Core.Scheduling;

/// <summary>"M.N.": what a calendar outside the app (an iCal feed) may say about a patient, and nothing more.</summary>
public static class PatientInitials
{
    public static string Of(string firstName, string lastName) => $"{Initial(firstName)}.{Initial(lastName)}.";

    private static string Initial(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length == 0 ? "?" : StringInfo.GetNextTextElement(trimmed).ToUpper(CultureInfo.InvariantCulture);
    }
}
