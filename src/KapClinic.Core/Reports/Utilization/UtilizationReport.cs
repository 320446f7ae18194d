using System.Globalization;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.Utilization;

/// <summary>
/// Rooms, then clinicians: hours booked (appointments not cancelled, by start time in the period) against hours
/// available, utilisation, appointments, no-show rate (among appointments not cancelled) and cancellation rate (among
/// all). With a clinician chosen, rooms count only that clinician's appointments. Totals are clinic-wide.
/// </summary>
public sealed class UtilizationReport(KapClinicDbContext db) : TableReport<UtilizationRow>
{
    public override ReportDefinition Definition { get; } = new(
        ReportKeys.Utilization,
        "Utilization",
        "Room and clinician hours booked against hours available, with appointment, no-show and cancellation rates.",
        [ClinicRoles.Admin, ClinicRoles.Staff, ClinicRoles.Clinician],
        ReportFilters.DateRange | ReportFilters.Clinician,
        [ExportFormat.Csv, ExportFormat.Xlsx, ExportFormat.Pdf]);

    protected override ReportTable<UtilizationRow> Table(ReportContext context) => new(
        [
            new("Kind", 0.7), new("Name", 1.6), new("Hours available", 0.8, AlignRight: true), new("Hours booked", 0.8, AlignRight: true),
            new("Utilisation %", 0.8, AlignRight: true), new("Appointments", 0.8, AlignRight: true), new("No-show rate %", 0.8, AlignRight: true),
            new("Cancellation rate %", 0.9, AlignRight: true),
        ],
        r =>
        [
            CsvCells.Text(r.Kind), CsvCells.Text(r.Name), CsvCells.Number(r.HoursAvailable), CsvCells.Number(r.HoursBooked), CsvCells.Number(r.UtilisationPercent),
            CsvCells.Number(r.Appointments), CsvCells.Number(r.NoShowPercent), CsvCells.Number(r.CancellationPercent),
        ],
        r =>
        [
            r.Kind, r.Name, Number(r.HoursAvailable), Number(r.HoursBooked), Number(r.UtilisationPercent), Number(r.Appointments),
            Number(r.NoShowPercent), Number(r.CancellationPercent),
        ]);

    protected override async IAsyncEnumerable<UtilizationRow> Rows(ReportContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var data = await UtilizationData.LoadAsync(db, context, cancellationToken);
        foreach (var row in data.Rooms.Concat(data.Clinicians))
        {
            yield return row;
        }
    }

    protected override async Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var data = await UtilizationData.LoadAsync(db, context, cancellationToken);
        var clinic = data.ClinicWide;
        var roomAvailable = data.Rooms.Sum(r => r.HoursAvailable);
        var roomBooked = data.Rooms.Sum(r => r.HoursBooked);
        return
        [
            new("Appointments", Number(clinic.Appointments)),
            new("Hours booked", Number(clinic.HoursBooked)),
            new("Clinician hours available", Number(clinic.HoursAvailable)),
            new("Clinician utilisation %", Number(clinic.UtilisationPercent) ?? "—"),
            new("Room hours available", Number(roomAvailable)),
            new("Room hours booked", Number(roomBooked)),
            new("Room utilisation %", Number(UtilizationRow.Percent(roomBooked, roomAvailable)) ?? "—"),
            new("No-show rate %", Number(clinic.NoShowPercent) ?? "—"),
            new("Cancellation rate %", Number(clinic.CancellationPercent) ?? "—"),
        ];
    }

    private static string? Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
