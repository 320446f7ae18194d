using System.Globalization;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>
/// Patient course summary: one patient's courses as a PDF for referrers and transfers (protocol, course dates and
/// status, every session with its signed-by line, doses with lot, a PHQ-9/GAD-7 chart and table). It names the
/// patient, so it is for Admins and Clinicians only. The page preview shows the sessions and a few totals.
/// </summary>
public sealed class CourseSummaryReport(KapClinicDbContext db) : IReport
{
    public ReportDefinition Definition { get; } = new(
        ReportKeys.CourseSummary,
        "Patient course summary",
        "One patient's treatment courses as a PDF for referrers and transfers: protocol, sessions with signatures, doses, and PHQ-9 and GAD-7 over time.",
        [ClinicRoles.Admin, ClinicRoles.Clinician],
        ReportFilters.Patient,
        [ExportFormat.Pdf],
        IsHeavy: false);

    public async Task<ReportPreview> PreviewAsync(ReportContext context, int rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = await LoadAsync(context, cancellationToken);
        var shown = data.Sessions.Take(rows).Select(s => (IReadOnlyList<string?>)
            [RecordsFormat.Time(s.OccurredAt, context.Zone), data.ProtocolOf(s.CourseId), CourseSession.Label(s.Kind), s.ClinicianName, CourseSummaryText.Signature(s, context.Zone)]);
        return new ReportPreview(["Date", "Course", "Session", "Clinician", "Signature"], [.. shown], Totals(data), data.Sessions.Count > rows);
    }

    public async Task<int> WriteAsync(ReportContext context, ExportFormat format, Stream output, RowCounter counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(counter);
        if (format != ExportFormat.Pdf)
        {
            throw new NotSupportedException("The course summary is a PDF.");
        }

        var data = await LoadAsync(context, cancellationToken);
        var dateOfBirth = data.Patient.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var heading = ReportHeadings.For(context, Definition) with
        {
            Filters = [$"Patient: {data.Patient.Name} · MRN {data.Patient.Mrn} · Date of birth {dateOfBirth}"],
        };
        await CourseSummaryPdf.WriteAsync(data, heading, context.Zone, output, cancellationToken);

        // The audit's row count is the number of sessions summarised.
        await foreach (var _ in counter.Count(data.Sessions.ToAsyncEnumerable(), cancellationToken))
        {
        }

        return data.Sessions.Count;
    }

    private async Task<CourseSummaryData> LoadAsync(ReportContext context, CancellationToken cancellationToken) =>
        await CourseSummaryData.LoadAsync(db, context.Filter.PatientId ?? throw new ArgumentException("A patient is required.", nameof(context)), cancellationToken);

    private static IReadOnlyList<ReportTotal> Totals(CourseSummaryData data)
    {
        var totals = new List<ReportTotal>
        {
            new("Courses", Count(data.Courses.Count)),
            new("Sessions (signed of recorded)", $"{Count(data.Sessions.Count(s => s.Status == NoteStatus.Signed))} of {Count(data.Sessions.Count)}"),
            new("Doses", Count(data.Doses.Count)),
        };
        foreach (var instrument in new[] { Instrument.Phq9, Instrument.Gad7 })
        {
            var taken = data.Measures.Where(m => m.Instrument == instrument).ToList();
            if (taken.Count > 0)
            {
                totals.Add(new($"{CourseSummaryText.Instrument(instrument)} first and latest", $"{CourseSummaryText.Number(taken[0].Total)} → {CourseSummaryText.Number(taken[^1].Total)}"));
            }
        }

        return totals;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
