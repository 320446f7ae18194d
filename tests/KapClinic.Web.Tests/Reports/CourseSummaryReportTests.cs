using FluentValidation;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using UglyToad.PdfPig;

namespace KapClinic.Web.Tests.Reports;

public sealed class CourseSummaryReportTests(CourseSummaryFixture fixture) : IClassFixture<CourseSummaryFixture>
{
    private ReportFilter Filter => new() { PatientId = fixture.PatientId };

    [Fact]
    public async Task The_pdf_names_the_patient_and_lists_sessions_with_signed_by_lines_doses_with_lot_and_page_numbers()
    {
        var (bytes, rows) = await ReportCalls.ExportAsync(fixture.Factory, ReportKeys.CourseSummary, ExportFormat.Pdf, Filter, fixture.ClinicianId);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(3, rows);
        Assert.Equal(2, pdf.NumberOfPages);
        var text = string.Join(' ', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        Assert.Contains("Patient course summary", text, StringComparison.Ordinal);
        Assert.Contains($"Patient: Zoë Ñúñez · MRN {fixture.Mrn} · Date of birth 1985-04-12", text, StringComparison.Ordinal);
        Assert.Contains("Esketamine (Spravato) induction", text, StringComparison.Ordinal);
        Assert.Contains("Signed by Dr Author, PsyD at ", text, StringComparison.Ordinal);
        Assert.Contains("Signed by Nina Monitor at ", text, StringComparison.Ordinal);
        Assert.Contains("Draft, not signed", text, StringComparison.Ordinal);
        Assert.Contains("Esketamine intranasal 56", text, StringComparison.Ordinal);
        Assert.Contains("LOT-E1", text, StringComparison.Ordinal);
        Assert.Contains("PHQ-9 18 ", text, StringComparison.Ordinal);
        Assert.Contains("GAD-7 9 ", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", text, StringComparison.Ordinal);
        Assert.Contains("Generated ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_has_no_note_text_and_nothing_of_another_patient()
    {
        var (bytes, _) = await ReportCalls.ExportAsync(fixture.Factory, ReportKeys.CourseSummary, ExportFormat.Pdf, Filter, fixture.AdminId);

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(' ', pdf.GetPages().Select(p => p.Text));
        Assert.DoesNotContain("Feel present", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Assessment text", text, StringComparison.Ordinal);
        Assert.DoesNotContain("To rest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Olly", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_is_audited_with_the_patient_format_and_rows()
    {
        await ReportCalls.ExportAsync(fixture.Factory, ReportKeys.CourseSummary, ExportFormat.Pdf, Filter, fixture.AdminId);

        var audit = Assert.Single(await ReportCalls.AuditAsync(fixture.Factory, fixture.AdminId, AuditActions.ReportExported));
        Assert.Equal(fixture.PatientId, audit.PatientId);
        Assert.Equal($"report=course-summary format=Pdf patient={fixture.PatientId} rows=3", audit.Detail);
    }

    [Fact]
    public async Task A_staff_requester_is_refused_and_the_attempt_is_audited()
    {
        await Assert.ThrowsAsync<ReportAccessDeniedException>(
            () => ReportCalls.ExportAsync(fixture.Factory, ReportKeys.CourseSummary, ExportFormat.Pdf, Filter, fixture.StaffId));

        var denied = Assert.Single(await ReportCalls.AuditAsync(fixture.Factory, fixture.StaffId, AuditActions.AccessDenied));
        Assert.Equal("report=course-summary", denied.Detail);
        Assert.Empty(await ReportCalls.AuditAsync(fixture.Factory, fixture.StaffId, AuditActions.ReportExported));
    }

    [Fact]
    public async Task The_preview_shows_the_sessions_and_totals()
    {
        var preview = await ReportCalls.PreviewAsync(fixture.Factory, ReportKeys.CourseSummary, Filter, fixture.ClinicianId);

        Assert.Equal(["Date", "Course", "Session", "Clinician", "Signature"], preview.Headers);
        Assert.Equal(["Preparation", "Preparation", "Dosing"], preview.Rows.Select(r => r[2]));
        Assert.StartsWith("Signed by Dr Author, PsyD at ", preview.Rows[0][4], StringComparison.Ordinal);
        Assert.Equal(
            [("Courses", "1"), ("Sessions (signed of recorded)", "2 of 3"), ("Doses", "1"), ("PHQ-9 first and latest", "18 → 6"), ("GAD-7 first and latest", "15 → 9")],
            preview.Totals.Select(t => (t.Label, t.Value)));
    }

    [Fact]
    public async Task A_patient_is_required_and_only_pdf_is_offered()
    {
        await Assert.ThrowsAsync<ValidationException>(
            () => ReportCalls.PreviewAsync(fixture.Factory, ReportKeys.CourseSummary, new ReportFilter(), fixture.ClinicianId));
        await Assert.ThrowsAsync<RuleViolationException>(
            () => ReportCalls.ExportAsync(fixture.Factory, ReportKeys.CourseSummary, ExportFormat.Csv, Filter, fixture.ClinicianId));
        await Assert.ThrowsAsync<NotFoundException>(
            () => ReportCalls.PreviewAsync(fixture.Factory, ReportKeys.CourseSummary, new ReportFilter { PatientId = Guid.NewGuid() }, fixture.ClinicianId));
    }
}
