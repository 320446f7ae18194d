using System.Globalization;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing.Rems;
using KapClinic.Core.Exports;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.Rems;

/// <summary>
/// The esketamine REMS Patient Monitoring Forms of the sessions in the period: due, overdue or submitted. The due
/// date and the status come from <see cref="RemsForm"/> (the same rule as the REMS due list): due
/// <see cref="RemsForm.DueWithinDays"/> days after the session day, overdue after that, as of today in the clinic's zone.
/// </summary>
public sealed class RemsReport(KapClinicDbContext db) : TableReport<RemsReportRow>
{
    public override ReportDefinition Definition { get; } = new(
        ReportKeys.Rems,
        "REMS forms",
        "Esketamine REMS Patient Monitoring Forms by session: due, overdue and submitted, with the due date and who recorded the submission.",
        [ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff],
        ReportFilters.DateRange,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf]);

    protected override ReportTable<RemsReportRow> Table(ReportContext context) => new(
        [
            new("MRN", 0.9), new("Initials", 0.6), new("Session date", 0.9), new("Due by", 0.9), new("Status", 0.8),
            new("Submitted on", 0.9), new("Confirmation number", 1.2), new("Recorded by", 1.4),
        ],
        r =>
        [
            CsvCells.Text(r.Mrn), CsvCells.Text(r.Initials), CsvCells.Date(r.SessionDate), CsvCells.Date(r.DueOn), CsvCells.Text(r.Status.ToString()),
            CsvCells.Date(r.SubmittedOn), CsvCells.Text(r.ConfirmationNumber), CsvCells.Text(r.SubmittedBy),
        ],
        r =>
        [
            r.Mrn, r.Initials, Day(r.SessionDate), Day(r.DueOn), r.Status.ToString(), Day(r.SubmittedOn), r.ConfirmationNumber, r.SubmittedBy,
        ]);

    protected override IAsyncEnumerable<RemsReportRow> Rows(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.Zone;
        var today = ClinicCalendar.DateOf(context.Now, zone);
        return db.RowsAsync(
            RemsReportSql.Rows,
            [ClinicalReportSql.Start(context), ClinicalReportSql.End(context)],
            r =>
            {
                var sessionDate = ClinicCalendar.DateOf(r.Value<DateTimeOffset>("OccurredAt"), zone);
                var submittedOn = r.Optional<DateOnly>("SubmittedOn");
                var dueOn = sessionDate.AddDays(RemsForm.DueWithinDays);
                return new RemsReportRow(
                    r.Value<string>("Mrn"), PatientInitials.Of(r.Value<string>("FirstName"), r.Value<string>("LastName")), sessionDate, dueOn,
                    RemsForm.StatusOf(submittedOn is not null, dueOn, today), submittedOn, r.Text("ConfirmationNumber"), r.Text("SubmittedBy"));
            },
            cancellationToken);
    }

    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var zone = context.Zone;
        var today = ClinicCalendar.DateOf(context.Now, zone);

        // RemsForm.StatusOf: overdue once today is past the due day, so a session day before this one is overdue.
        var earliestNotOverdue = ClinicTimes.ToUtc(today.AddDays(-RemsForm.DueWithinDays), TimeOnly.MinValue, zone);
        var totals = new List<ReportTotal>();
        await foreach (var (due, overdue, submitted) in db.RowsAsync(
            RemsReportSql.Totals,
            [ClinicalReportSql.Start(context), ClinicalReportSql.End(context), earliestNotOverdue],
            r => (r.Value<int>("Due"), r.Value<int>("Overdue"), r.Value<int>("Submitted")),
            cancellationToken))
        {
            totals.Add(new ReportTotal("Due", Count(due)));
            totals.Add(new ReportTotal("Overdue", Count(overdue)));
            totals.Add(new ReportTotal("Submitted", Count(submitted)));
            totals.Add(new ReportTotal("All forms", Count(due + overdue + submitted)));
        }

        return totals;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
