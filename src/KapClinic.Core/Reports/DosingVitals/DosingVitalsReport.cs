using System.Data.Common;
using System.Globalization;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.DosingVitals;

/// <summary>
/// Every vitals reading of the dosing sessions that started in the period: when, who (MRN and initials), minutes
/// since the first dose, blood pressure, heart rate, SpO2, respiratory rate, MOAA/S, dissociation and nausea. Numbers
/// and coded values only, so Staff may run it. Streamed straight from one SQL statement (no EF materialisation).
/// </summary>
public sealed class DosingVitalsReport(KapClinicDbContext db) : TableReport<DosingVitalsRow>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public override ReportDefinition Definition { get; } = new(
        ReportKeys.DosingVitals,
        "Dosing vitals",
        "Every vital-sign reading taken during dosing sessions, with minutes since the dose: for safety reviews and research.",
        [ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff],
        ReportFilters.DateRange | ReportFilters.Clinician,
        [ExportFormat.Csv, ExportFormat.Xlsx]);

    protected override ReportTable<DosingVitalsRow> Table(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.Zone;
        return new ReportTable<DosingVitalsRow>(
            [
                new PdfColumn("Session start", 3), new PdfColumn("MRN", 2), new PdfColumn("Initials", 1), new PdfColumn("Taken at", 3),
                new PdfColumn("Minutes since dose", 1, true), new PdfColumn("Systolic", 1, true), new PdfColumn("Diastolic", 1, true),
                new PdfColumn("Heart rate", 1, true), new PdfColumn("SpO2 (%)", 1, true), new PdfColumn("Respiratory rate", 1, true),
                new PdfColumn("MOAA/S", 1, true), new PdfColumn("Dissociation", 2), new PdfColumn("CADSS-6", 1, true), new PdfColumn("Nausea", 2),
            ],
            r =>
            [
                CsvCells.Time(r.SessionStartedAt, zone), CsvCells.Text(r.Mrn), CsvCells.Text(r.Initials), CsvCells.Time(r.TakenAt, zone),
                Number(r.MinutesSinceDose), Number(r.Systolic), Number(r.Diastolic), Number(r.HeartRate), Number(r.SpO2),
                Number(r.RespiratoryRate), Number(r.Moaas), r.Dissociation ?? string.Empty, Number(r.Cadss6), r.Nausea ?? string.Empty,
            ],
            r =>
            [
                RecordsFormat.Time(r.SessionStartedAt, zone), r.Mrn, r.Initials, RecordsFormat.Time(r.TakenAt, zone),
                Number(r.MinutesSinceDose), Number(r.Systolic), Number(r.Diastolic), Number(r.HeartRate), Number(r.SpO2),
                Number(r.RespiratoryRate), Number(r.Moaas), r.Dissociation, Number(r.Cadss6), r.Nausea,
            ]);
    }

    protected override IAsyncEnumerable<DosingVitalsRow> Rows(ReportContext context, CancellationToken cancellationToken) =>
        db.RowsAsync(DosingVitalsSql.Rows, Parameters(context), Read, cancellationToken);

    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        await foreach (var totals in db.RowsAsync(DosingVitalsSql.Totals, Parameters(context), ReadTotals, cancellationToken))
        {
            return totals;
        }

        return [];
    }

    private static string Number(int? value) => value?.ToString(Invariant) ?? string.Empty;

    private static object[] Parameters(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            context.FromUtc ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            context.ToUtcExclusive ?? new DateTimeOffset(2101, 1, 1, 0, 0, 0, TimeSpan.Zero),
            (object?)context.Filter.ClinicianId ?? DBNull.Value,
        ];
    }

    private static DosingVitalsRow Read(DbDataReader r) => new(
        r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
        Int(r, 4), Int(r, 5), Int(r, 6), Int(r, 7), Int(r, 8), Int(r, 9), Int(r, 10),
        r.IsDBNull(11) ? null : r.GetString(11), Int(r, 12), r.IsDBNull(13) ? null : r.GetString(13));

    private static int? Int(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt32(ordinal);

    private static IReadOnlyList<ReportTotal> ReadTotals(DbDataReader r) =>
    [
        new("Readings", r.GetInt64(0).ToString(Invariant)),
        new("Sessions", r.GetInt64(1).ToString(Invariant)),
        new("Patients", r.GetInt64(2).ToString(Invariant)),
        new("Lowest SpO2 (%)", r.IsDBNull(3) ? "—" : r.GetInt32(3).ToString(Invariant)),
        new("Highest systolic", r.IsDBNull(4) ? "—" : r.GetInt32(4).ToString(Invariant)),
        new("Highest heart rate", r.IsDBNull(5) ? "—" : r.GetInt32(5).ToString(Invariant)),
    ];
}
