using KapClinic.Core.Auditing;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.Core.Users;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Reports;

/// <summary>The audit log report against the hand-made trail of <see cref="AuditLogFixture"/>.</summary>
public sealed class AuditLogReportTests(AuditLogFixture fixture) : IClassFixture<AuditLogFixture>
{
    private const int ActionColumn = 3;

    private static readonly ReportFilter March = new() { From = new DateOnly(2020, 3, 1), To = new DateOnly(2020, 3, 31) };

    private ReportRunner Reports => new(fixture.Factory);

    [Fact]
    public async Task Every_event_of_the_period_comes_newest_first_with_events_failures_and_denials_counted()
    {
        var preview = await Reports.PreviewAsync(ReportKeys.AuditLog, March, fixture.Admin);

        Assert.Equal(
            ["PatientsExported", "Note.Viewed", "SignIn.Failed", "SignIn.Failed", "Access.Denied", "Patient.Searched", "Patient.ChartViewed"],
            preview.Rows.Select(r => r[ActionColumn]));
        Assert.Equal([("Events", "7"), ("Failures", "2"), ("Denied", "1")], preview.Totals.Take(3).Select(t => (t.Label, t.Value)));
        Assert.Equal(["Time", "User", "User email", "Action", "Outcome", "Entity", "Entity id", "Patient MRN", "Remote IP", "Detail"], preview.Headers);
    }

    [Fact]
    public async Task Filtering_by_user_keeps_only_what_that_user_did()
    {
        var preview = await Reports.PreviewAsync(ReportKeys.AuditLog, March with { UserId = fixture.Bob }, fixture.Admin);

        Assert.Equal(["SignIn.Failed", "Access.Denied"], preview.Rows.Select(r => r[ActionColumn]));
        Assert.All(preview.Rows, r => Assert.Equal(("Bob Staff", "bob@clinic.test"), (r[1], r[2])));
        Assert.Equal([("Events", "2"), ("Failures", "1"), ("Denied", "1")], preview.Totals.Take(3).Select(t => (t.Label, t.Value)));
    }

    [Fact]
    public async Task An_action_filter_matches_the_beginning_of_the_action_only()
    {
        var patient = await Reports.PreviewAsync(ReportKeys.AuditLog, March with { Action = "Patient." }, fixture.Admin);
        var signIns = await Reports.PreviewAsync(ReportKeys.AuditLog, March with { Action = "SignIn" }, fixture.Admin);
        var none = await Reports.PreviewAsync(ReportKeys.AuditLog, March with { Action = "Viewed" }, fixture.Admin);

        Assert.Equal(["Patient.Searched", "Patient.ChartViewed"], patient.Rows.Select(r => r[ActionColumn]));
        Assert.Equal(["SignIn.Failed", "SignIn.Failed"], signIns.Rows.Select(r => r[ActionColumn]));
        Assert.Empty(none.Rows);
        Assert.Equal("0", none.Totals[0].Value);
    }

    [Fact]
    public async Task Filtering_by_patient_shows_the_mrn_and_never_the_name()
    {
        var preview = await Reports.PreviewAsync(ReportKeys.AuditLog, March with { PatientId = fixture.PatientId }, fixture.Admin);

        Assert.Equal(["Note.Viewed", "Patient.ChartViewed"], preview.Rows.Select(r => r[ActionColumn]));
        Assert.All(preview.Rows, r => Assert.Equal(fixture.PatientMrn, r[7]));
        Assert.DoesNotContain(preview.Rows.SelectMany(r => r), c => c?.Contains("Okafor", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_date_range_is_whole_days_in_the_clinic_zone()
    {
        // 03:30 UTC on 4 March was 22:30 on 3 March in New York.
        var preview = await Reports.PreviewAsync(ReportKeys.AuditLog, new ReportFilter { From = new DateOnly(2020, 3, 3), To = new DateOnly(2020, 3, 3) }, fixture.Admin);

        Assert.Equal(["Access.Denied", "Patient.Searched"], preview.Rows.Select(r => r[ActionColumn]));
        Assert.Equal("2020-03-03 22:30", preview.Rows[0][0]);
    }

    [Fact]
    public async Task User_action_and_patient_filters_combine()
    {
        var filter = March with { UserId = fixture.Alice, Action = "Note.", PatientId = fixture.PatientId };

        var preview = await Reports.PreviewAsync(ReportKeys.AuditLog, filter, fixture.Admin);

        Assert.Equal("Note.Viewed", Assert.Single(preview.Rows)[ActionColumn]);
    }

    [Theory]
    [InlineData(ClinicRoles.Clinician)]
    [InlineData(ClinicRoles.Staff)]
    public async Task Clinicians_and_staff_are_refused_and_the_attempt_is_audited(string role)
    {
        var user = await TestUsers.CreateAsync(fixture.Factory, role);

        await Assert.ThrowsAsync<ReportAccessDeniedException>(() => Reports.PreviewAsync(ReportKeys.AuditLog, March, user));
        await Assert.ThrowsAsync<ReportAccessDeniedException>(() => Reports.ExportAsync(ReportKeys.AuditLog, ExportFormat.Csv, March, user));

        var denied = await Reports.LastAuditAsync(AuditActions.AccessDenied, user);
        Assert.Equal((AuditOutcome.Failure, "report=audit-log"), (denied?.Outcome, denied?.Detail));
    }

    [Fact]
    public async Task The_csv_has_one_row_per_event_in_clinic_time_with_offset_and_neutralises_formulas()
    {
        var lines = await Reports.CsvLinesAsync(ReportKeys.AuditLog, March, fixture.Admin);

        Assert.Equal("Time,User,User email,Action,Outcome,Entity,Entity id,Patient MRN,Remote IP,Detail", lines[0]);
        Assert.Equal(8, lines.Length);
        // 8 March 2020: daylight saving time began in New York at 02:00.
        Assert.StartsWith("2020-03-08T11:00:00-04:00,\"Zoë Ñúñez, \"\"Jr\"\"\",alice@clinic.test,PatientsExported,Success,", lines[1], StringComparison.Ordinal);
        Assert.Equal("2020-03-06T10:00:00-05:00,(no user),,SignIn.Failed,Failure,,,,203.0.113.7,\"'=HYPERLINK(\"\"http://evil.test\"\")\"", lines[3]);
        Assert.EndsWith($",{fixture.PatientMrn},203.0.113.7,", lines[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_is_itself_audited_with_its_format_filters_and_row_count()
    {
        var admin = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Admin);

        var pdf = await Reports.ExportAsync(ReportKeys.AuditLog, ExportFormat.Pdf, March with { Action = "SignIn." }, admin);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf[..4]));
        var exported = await Reports.LastAuditAsync(AuditActions.ReportExported, admin);
        Assert.Equal(AuditOutcome.Success, exported?.Outcome);
        Assert.Equal("report=audit-log format=Pdf from=2020-03-01 to=2020-03-31 action=SignIn. rows=2", exported?.Detail);
    }
}
