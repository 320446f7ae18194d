using System.Globalization;
using KapClinic.Core.Courses;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>Words and numbers of the course summary, shared by its preview and its PDF (times in the clinic's zone).</summary>
public static class CourseSummaryText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"Signed by Dr A. Rivera, MD at 2026-03-02 11:05", or "Draft, not signed".</summary>
    public static string Signature(SummarySession session, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Status == NoteStatus.Signed && session.SignerName is { } name && session.SignedAt is { } at
            ? $"Signed by {NoteSigner.FormatName(name, session.SignerCredentials)} at {RecordsFormat.Time(at, zone)}"
            : "Draft, not signed";
    }

    public static string Dates(SummaryCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return course.EndDate is { } end ? $"{RecordsFormat.Date(course.StartDate)} to {RecordsFormat.Date(end)}" : $"{RecordsFormat.Date(course.StartDate)} to now";
    }

    public static string Instrument(Instrument instrument) => instrument == Measures.Instrument.Phq9 ? "PHQ-9" : "GAD-7";

    public static string Number(decimal value) => value.ToString("0.##", English);

    public static string MgPerKg(decimal? value) => value?.ToString("0.###", English) ?? string.Empty;

    public static string Drug(SummaryDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return ProtocolText.Drug(dose.Drug);
    }

    public static string Route(SummaryDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return ProtocolText.Route(dose.Route);
    }
}
