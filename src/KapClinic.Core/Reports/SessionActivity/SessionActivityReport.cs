using System.Globalization;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.SessionActivity;

/// <summary>
/// Every preparation, dosing and integration session in the period, one row each, in time order: type, patient (MRN
/// and initials), clinician, protocol, note status and minutes where known. Never any note text. One SQL command for
/// the rows (a UNION ALL, streamed) and one for the totals.
/// </summary>
public sealed class SessionActivityReport(KapClinicDbContext db) : TableReport<SessionActivityRow>
{
    public static readonly string[] Types = ["Preparation", "Dosing", "Integration"];

    public override ReportDefinition Definition { get; } = new(
        ReportKeys.SessionActivity,
        "Session activity",
        "Every preparation, dosing and integration session by date, type, clinician, protocol, status and duration; no note text.",
        [ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff],
        ReportFilters.DateRange | ReportFilters.Clinician | ReportFilters.Protocol | ReportFilters.PatientStatus,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf]);

    protected override ReportTable<SessionActivityRow> Table(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.Zone;
        return new(
            [
                new("Date and time", 1.2), new("Type", 0.9), new("MRN", 0.9), new("Initials", 0.6), new("Clinician", 1.4),
                new("Protocol", 1.6), new("Status", 0.7), new("Minutes", 0.6, AlignRight: true),
            ],
            r =>
            [
                CsvCells.Time(r.OccurredAt, zone), CsvCells.Text(r.Type), CsvCells.Text(r.Mrn), CsvCells.Text(r.Initials), CsvCells.Text(r.Clinician),
                CsvCells.Text(r.Protocol), CsvCells.Text(r.Status), CsvCells.Number(r.DurationMinutes),
            ],
            r =>
            [
                RecordsFormat.Time(r.OccurredAt, zone), r.Type, r.Mrn, r.Initials, r.Clinician, r.Protocol, r.Status,
                r.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
            ]);
    }

    protected override IAsyncEnumerable<SessionActivityRow> Rows(ReportContext context, CancellationToken cancellationToken) =>
        db.RowsAsync(
            SessionActivitySql.Rows,
            Parameters(context),
            r => new SessionActivityRow(
                r.Value<DateTimeOffset>("OccurredAt"),
                r.Value<string>("Kind"),
                r.Value<string>("Mrn"),
                PatientInitials.Of(r.Value<string>("FirstName"), r.Value<string>("LastName")),
                r.Value<string>("Clinician"),
                r.Value<string>("Protocol"),
                r.Value<string>("Status"),
                r.Optional<int>("DurationMinutes")),
            cancellationToken);

    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var (kind, sessions) in db.RowsAsync(
            SessionActivitySql.Totals, Parameters(context), r => (r.Value<string>("Kind"), r.Value<int>("Sessions")), cancellationToken))
        {
            counts[kind] = sessions;
        }

        return
        [
            .. Types.Select(t => new ReportTotal($"{t} sessions", counts.GetValueOrDefault(t).ToString(CultureInfo.InvariantCulture))),
            new ReportTotal("All sessions", counts.Values.Sum().ToString(CultureInfo.InvariantCulture)),
        ];
    }

    private static object[] Parameters(ReportContext context) =>
    [
        ClinicalReportSql.Start(context), ClinicalReportSql.End(context), ClinicalReportSql.Optional(context.Filter.ClinicianId),
        ClinicalReportSql.Optional(context.Filter.ProtocolId), ClinicalReportSql.Optional(context.Filter.PatientStatus?.ToString()),
    ];
}
