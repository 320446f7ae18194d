using KapClinic.Core.Courses;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using PdfSharp.Drawing;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>
/// Lays out a course summary on <see cref="PdfTableDocument"/> pages (each headed by the clinic, the title, the
/// patient and generated-at; "Page n of m" in the footer): courses, sessions with their signed-by lines, doses, the
/// PHQ-9 and GAD-7 chart and the table of totals. No note text.
/// </summary>
internal static class CourseSummaryPdf
{
    private static readonly XColor Phq9Color = XColor.FromArgb(31, 94, 168);
    private static readonly XColor Gad7Color = XColor.FromArgb(204, 102, 0);

    public static async Task WriteAsync(CourseSummaryData data, ReportHeading heading, TimeZoneInfo zone, Stream output, CancellationToken cancellationToken)
    {
        using var pdf = new PdfTableDocument(heading, []);
        pdf.AddHeading("Treatment courses");
        pdf.StartTable([new("Protocol", 3), new("Dates", 2.5), new("Status", 1.2), new("Sessions (signed of recorded)", 1.6, true), new("Doses", 0.8, true)]);
        foreach (var course in data.Courses)
        {
            var sessions = data.Sessions.Where(s => s.CourseId == course.Id).ToList();
            pdf.AddRow([course.Protocol, CourseSummaryText.Dates(course), course.Status.ToString(),
                $"{sessions.Count(s => s.Status == NoteStatus.Signed)} of {sessions.Count}", data.Doses.Count(d => d.CourseId == course.Id).ToString(Culture)]);
        }

        Empty(pdf, data.Courses.Count, "No treatment course recorded.");
        pdf.AddHeading("Sessions");
        pdf.StartTable([new("Date", 1.3), new("Course", 2), new("Session", 1), new("Clinician", 1.8), new("Status", 0.8), new("Signature", 4)]);
        foreach (var session in data.Sessions)
        {
            pdf.AddRow([RecordsFormat.Time(session.OccurredAt, zone), data.ProtocolOf(session.CourseId), CourseSession.Label(session.Kind),
                session.ClinicianName, session.Status.ToString(), CourseSummaryText.Signature(session, zone)]);
        }

        Empty(pdf, data.Sessions.Count, "No session recorded.");
        pdf.AddHeading("Doses");
        pdf.StartTable([new("Date", 1.3), new("Course", 2), new("Drug", 1), new("Route", 0.9), new("Dose (mg)", 0.9, true), new("mg/kg", 0.8, true), new("Lot", 1.5)]);
        foreach (var dose in data.Doses)
        {
            pdf.AddRow([RecordsFormat.Time(dose.AdministeredAt, zone), data.ProtocolOf(dose.CourseId), CourseSummaryText.Drug(dose), CourseSummaryText.Route(dose),
                CourseSummaryText.Number(dose.DoseMg), CourseSummaryText.MgPerKg(dose.MgPerKg), dose.LotNumber]);
        }

        Empty(pdf, data.Doses.Count, "No dose recorded.");
        pdf.AddHeading("Measures: PHQ-9 and GAD-7 totals");
        if (data.Measures.Count > 0)
        {
            var chart = new PdfTimeChart(
                [Series(data, Instrument.Phq9, Phq9Color), Series(data, Instrument.Gad7, Gad7Color)], 27, "Total", at => RecordsFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime)));
            pdf.AddDrawing(170, chart.Draw);
        }

        pdf.StartTable([new("Date", 1.3), new("Measure", 1), new("Total", 0.7, true), new("Band", 2)]);
        foreach (var measure in data.Measures)
        {
            pdf.AddRow([RecordsFormat.Time(measure.TakenAt, zone), CourseSummaryText.Instrument(measure.Instrument), CourseSummaryText.Number(measure.Total), measure.Band]);
        }

        Empty(pdf, data.Measures.Count, "No PHQ-9 or GAD-7 recorded.");
        await pdf.SaveAsync(output, cancellationToken);
    }

    private static System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.InvariantCulture;

    private static PdfChartSeries Series(CourseSummaryData data, Instrument instrument, XColor color) => new(
        CourseSummaryText.Instrument(instrument), color,
        [.. data.Measures.Where(m => m.Instrument == instrument).Select(m => new PdfChartPoint(m.TakenAt, (double)m.Total))]);

    private static void Empty(PdfTableDocument pdf, int count, string text)
    {
        if (count == 0)
        {
            pdf.AddParagraph(text);
        }
    }
}
