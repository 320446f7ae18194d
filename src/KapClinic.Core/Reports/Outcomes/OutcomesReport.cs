using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Reports.Outcomes;

/// <summary>
/// Outcomes: one row per treatment course started in the period, with baseline and latest PHQ-9 and GAD-7, the
/// change, response (a drop of 50 % or more) and remission (PHQ-9 below 5) per CLINICAL.md; the clinic's rates in
/// the totals; rates by protocol and by month of course start as charts. Everything is computed in SQL
/// (<see cref="OutcomesSql"/>, which says how baseline and latest are chosen). Patients appear as MRN and initials.
/// </summary>
public sealed class OutcomesReport(KapClinicDbContext db) : TableReport<OutcomeRow>, IChartedReport
{
    public override ReportDefinition Definition { get; } = new(
        ReportKeys.Outcomes,
        "Outcomes",
        "Baseline and latest PHQ-9 and GAD-7 per treatment course, with change, response (50 % drop) and remission (PHQ-9 below 5); clinic rates by protocol and by month of course start.",
        [ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff],
        ReportFilters.DateRange | ReportFilters.Protocol | ReportFilters.PatientStatus | ReportFilters.Clinician,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf],
        IsHeavy: false);

    public async Task<IReadOnlyList<ReportChart>> ChartsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var byProtocol = await RatesAsync(OutcomesSql.ByProtocol, context, cancellationToken);
        var byMonth = await RatesAsync(OutcomesSql.ByMonth, context, cancellationToken);
        return [Chart("Response and remission by protocol", byProtocol), Chart("Response and remission by month of course start", byMonth)];
    }

    protected override ReportTable<OutcomeRow> Table(ReportContext context) => OutcomesTable.Create();

    protected override IAsyncEnumerable<OutcomeRow> Rows(ReportContext context, CancellationToken cancellationToken) =>
        db.RowsAsync(OutcomesSql.Rows, OutcomesSql.Parameters(context), OutcomeRow.Read, cancellationToken);

    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken) =>
        OutcomesTable.Totals((await RatesAsync(OutcomesSql.Totals, context, cancellationToken))[0]);

    private async Task<List<OutcomeRates>> RatesAsync(string sql, ReportContext context, CancellationToken cancellationToken) =>
        await db.RowsAsync(sql, OutcomesSql.Parameters(context), OutcomeRates.Read, cancellationToken).ToListAsync(cancellationToken);

    private static ReportChart Chart(string title, IReadOnlyList<OutcomeRates> groups) => new(
        title,
        "% of courses with a follow-up",
        [.. groups.Select(g => g.Category)],
        [
            new ReportSeries("PHQ-9 response", [.. groups.Select(g => (double?)g.Phq9ResponseRate)]),
            new ReportSeries("PHQ-9 remission", [.. groups.Select(g => (double?)g.Phq9RemissionRate)]),
            new ReportSeries("GAD-7 response", [.. groups.Select(g => (double?)g.Gad7ResponseRate)]),
        ]);
}
