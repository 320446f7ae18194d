using System.Globalization;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.AuditTrail;

/// <summary>
/// The audit trail, for Admins only: every event in the period, newest first, searchable by the acting user, the
/// patient and the beginning of the action ("Patient." finds every patient event). Patients appear by MRN only.
/// Totals: events, failures and denials over everything that matches.
/// </summary>
public sealed class AuditLogReport(KapClinicDbContext db, Auditing.AuditChain chain) : TableReport<AuditLogRow>
{
    private const string NoUser = "(no user)";

    private static readonly IReadOnlyList<PdfColumn> Columns =
    [
        new("Time", 1.1), new("User", 1.2), new("User email", 1.6), new("Action", 1.4), new("Outcome", 0.7), new("Entity", 1.0),
        new("Entity id", 1.9), new("Patient MRN", 0.9), new("Remote IP", 0.9), new("Detail", 2.6),
    ];

    public override ReportDefinition Definition { get; } = new(
        ReportKeys.AuditLog,
        "Audit log",
        "Who did what, when and from where: sign-ins, record views, changes, exports and refusals. Search by user, patient, action and date.",
        [ClinicRoles.Admin],
        ReportFilters.DateRange | ReportFilters.AuditSearch | ReportFilters.Patient,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf])
    {
        Optional = ReportFilters.Patient,
    };

    protected override ReportTable<AuditLogRow> Table(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.Zone;
        return new ReportTable<AuditLogRow>(
            Columns,
            e =>
            [
                CsvCells.Time(e.OccurredAt, zone), CsvCells.Text(e.UserName ?? NoUser), CsvCells.Text(e.UserEmail), CsvCells.Text(e.Action),
                CsvCells.Text(e.Outcome), CsvCells.Text(e.EntityType), e.EntityId?.ToString() ?? string.Empty, CsvCells.Text(e.PatientMrn),
                CsvCells.Text(e.RemoteIp), CsvCells.Text(e.Detail),
            ],
            e =>
            [
                RecordsFormat.Time(e.OccurredAt, zone), e.UserName ?? NoUser, e.UserEmail, e.Action, e.Outcome, e.EntityType, e.EntityId?.ToString(),
                e.PatientMrn, e.RemoteIp, e.Detail,
            ]);
    }

    protected override IAsyncEnumerable<AuditLogRow> Rows(ReportContext context, CancellationToken cancellationToken)
    {
        var sql = AuditLogSql.For(context);
        return db.RowsAsync(sql.Rows, sql.Parameters, AuditLogRow.Read, cancellationToken);
    }

    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var sql = AuditLogSql.For(context);
        var (events, failures, denied) = await db.RowsAsync(
            sql.Totals, sql.Parameters, r => (r.Value<long>("Events"), r.Value<long>("Failures"), r.Value<long>("Denied")), cancellationToken)
            .SingleAsync(cancellationToken);
        return [new("Events", Count(events)), new("Failures", Count(failures)), new("Denied", Count(denied)), await ChainAsync(cancellationToken)];
    }

    /// <summary>The hash chain of the whole trail (not only the filtered rows): intact, or where it breaks.</summary>
    private async Task<ReportTotal> ChainAsync(CancellationToken cancellationToken)
    {
        var status = await chain.VerifyAsync(cancellationToken);
        var text = status.IsIntact
            ? $"intact ({Count(status.SealedRows)} rows verified, {Count(status.UnsealedRows)} awaiting sealing)"
            : $"BROKEN: {status.Breaks.Count} link(s) fail, first at chain row {status.Breaks[0].ChainSeq.ToString(CultureInfo.InvariantCulture)} (audit event {status.Breaks[0].Id}); run verify-audit";
        return new("Hash chain", text);
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
