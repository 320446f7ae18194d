using System.Data.Common;
using System.Globalization;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.DosingLog;

/// <summary>
/// One row per dose administration: drug, route, dose, mg/kg, lot, pre-dose and peak blood pressure, lowest SpO2,
/// adverse events, monitoring minutes and overrides. Staff see counts and severities only: the event descriptions
/// and override reasons are neither selected nor shown unless the requester is a Clinician or an Admin.
/// </summary>
public sealed class DosingLogReport(KapClinicDbContext db) : TableReport<DosingLogRow>
{
    public override ReportDefinition Definition { get; } = new(
        ReportKeys.DosingLog,
        "Dosing log",
        "Every dose given: route, mg/kg, lot, pre-dose and peak blood pressure, lowest SpO2, adverse events, monitoring minutes and overrides.",
        [ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff],
        ReportFilters.DateRange | ReportFilters.Clinician | ReportFilters.Protocol,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf]);

    protected override ReportTable<DosingLogRow> Table(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.Zone;
        var text = context.Requester.MaySeeClinicalText;
        List<PdfColumn> columns =
        [
            new("Given at", 0.95), new("MRN", 0.95), new("Initials", 0.6), new("Drug", 0.9), new("Route", 1.0), new("Dose mg", 0.55, AlignRight: true),
            new("mg/kg", 0.5, AlignRight: true), new("Lot", 1.0), new("Pre-dose BP", 0.75), new("Peak BP", 0.75), new("Lowest SpO2", 0.65, AlignRight: true),
            new("Adverse events", 0.85), new("Monitoring minutes", 0.8, AlignRight: true), new("Overrides", 1.3),
        ];
        if (text)
        {
            columns.Insert(12, new("Adverse event details", 2.0));
            columns.Add(new("Override reasons", 2.2));
        }

        return new(
            columns,
            r => [.. Cells(r, text, CsvCells.Time(r.AdministeredAt, zone), CsvCells.Text, d => CsvCells.Number(d)).Select(c => c ?? string.Empty)],
            r => Cells(r, text, RecordsFormat.Time(r.AdministeredAt, zone), s => s, d => d?.ToString("0.##", CultureInfo.InvariantCulture)));
    }

    protected override IAsyncEnumerable<DosingLogRow> Rows(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return db.RowsAsync(DosingLogSql.Rows, [.. Parameters(context), context.Requester.MaySeeClinicalText], Read, cancellationToken);
    }

    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var totals = new List<ReportTotal>();
        await foreach (var reader in db.RowsAsync(DosingLogSql.Totals, Parameters(context), r => r, cancellationToken))
        {
            string Count(string column) => reader.Value<int>(column).ToString(CultureInfo.InvariantCulture);
            totals.Add(new ReportTotal("Doses", Count("Doses")));
            totals.Add(new ReportTotal("Sessions", Count("Sessions")));
            totals.Add(new ReportTotal("Patients", Count("Patients")));
            totals.Add(new ReportTotal("Sessions with adverse events", Count("SessionsWithAdverseEvents")));
            totals.Add(new ReportTotal("Overrides", Count("Overrides")));
        }

        return totals;
    }

    private static List<string?> Cells(DosingLogRow r, bool text, string time, Func<string?, string?> textCell, Func<decimal?, string?> number)
    {
        List<string?> cells =
        [
            time, textCell(r.Mrn), textCell(r.Initials), textCell(r.Drug), textCell(r.Route), number(r.DoseMg), number(r.MgPerKg), textCell(r.LotNumber),
            textCell(DosingLogText.Pressure(r.PreDoseSystolic, r.PreDoseDiastolic)), textCell(DosingLogText.Pressure(r.PeakSystolic, r.PeakDiastolic)),
            number(r.LowestSpO2), textCell(DosingLogText.AdverseEvents(r)), number(r.MonitoringMinutes), textCell(DosingLogText.Overrides(r)),
        ];
        if (text)
        {
            cells.Insert(12, textCell(r.AdverseEventDetails));
            cells.Add(textCell(r.OverrideReasons));
        }

        return cells;
    }

    private static DosingLogRow Read(DbDataReader r) => new()
    {
        AdministeredAt = r.Value<DateTimeOffset>("AdministeredAt"),
        Mrn = r.Value<string>("Mrn"),
        Initials = PatientInitials.Of(r.Value<string>("FirstName"), r.Value<string>("LastName")),
        Drug = r.Value<string>("Drug"),
        Route = r.Value<string>("Route"),
        DoseMg = r.Value<decimal>("DoseMg"),
        MgPerKg = r.Optional<decimal>("MgPerKg"),
        LotNumber = r.Value<string>("LotNumber"),
        PreDoseSystolic = r.Optional<int>("PreDoseSystolic"),
        PreDoseDiastolic = r.Optional<int>("PreDoseDiastolic"),
        PeakSystolic = r.Optional<int>("PeakSystolic"),
        PeakDiastolic = r.Optional<int>("PeakDiastolic"),
        LowestSpO2 = r.Optional<int>("LowestSpO2"),
        AdverseEvents = r.Value<int>("AdverseEvents"),
        AdverseEventSeverities = r.Text("AdverseEventSeverities"),
        AdverseEventDetails = r.Text("AdverseEventDetails"),
        MonitoringMinutes = r.Optional<int>("MonitoringMinutes"),
        Overrides = r.Value<int>("Overrides"),
        OverriddenGates = r.Value<string[]>("OverriddenGates"),
        OverrideReasons = DosingLogText.Reasons(r.Value<string[]>("OverriddenGates"), r.IsDBNull(r.GetOrdinal("OverrideReasons")) ? null : r.Value<string[]>("OverrideReasons")),
    };

    private static object[] Parameters(ReportContext context) =>
    [
        ClinicalReportSql.Start(context), ClinicalReportSql.End(context), ClinicalReportSql.Optional(context.Filter.ClinicianId),
        ClinicalReportSql.Optional(context.Filter.ProtocolId),
    ];
}
