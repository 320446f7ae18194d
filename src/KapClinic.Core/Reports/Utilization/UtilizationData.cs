using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Reports.Utilization;

/// <summary>
/// The utilisation figures of a period: appointment counts and booked hours from SQL (one command, grouped per
/// clinician, per room and clinic-wide), and hours available expanded in C# over the few weekly working-hour rows:
/// a clinician's template (or the clinic's usual hours when they have none) minus whole days off; a room is open the
/// clinic's usual hours (<see cref="ClinicianAvailability.DefaultHours"/>). Five SQL commands whatever the size.
/// </summary>
internal sealed record UtilizationData(IReadOnlyList<UtilizationRow> Rooms, IReadOnlyList<UtilizationRow> Clinicians, UtilizationRow ClinicWide)
{
    public const string RoomKind = "Room";
    public const string ClinicianKind = "Clinician";

    public static async Task<UtilizationData> LoadAsync(KapClinicDbContext db, ReportContext context, CancellationToken cancellationToken)
    {
        var from = context.Filter.From ?? throw new InvalidOperationException("Utilisation needs a date range.");
        var to = context.Filter.To ?? throw new InvalidOperationException("Utilisation needs a date range.");
        var clinicianFilter = context.Filter.ClinicianId;
        var counts = new List<Counts>();
        await foreach (var row in db.RowsAsync(
            UtilizationSql.Counts,
            [ClinicalReportSql.Start(context), ClinicalReportSql.End(context), ClinicalReportSql.Optional(clinicianFilter)],
            r => new Counts(
                r.Value<int>("NotByClinician") == 0 ? r.Optional<Guid>("ClinicianId") : null,
                r.Value<int>("NotByRoom") == 0 ? r.Optional<Guid>("RoomId") : null,
                r.Value<int>("NotByClinician") == 1 && r.Value<int>("NotByRoom") == 1,
                r.Value<int>("Appointments"), r.Value<int>("Cancelled"), r.Value<int>("NoShows"), r.Value<decimal>("HoursBooked")),
            cancellationToken))
        {
            counts.Add(row);
        }

        var bookedRooms = counts.Where(c => c.RoomId is not null).Select(c => c.RoomId!.Value).ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.IsActive || bookedRooms.Contains(r.Id))
            .OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var clinicianIds = clinicianFilter is { } only
            ? [only]
            : (await SchedulingQueries.ActiveClinicians(db).AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken))
                .Union(counts.Where(c => c.ClinicianId is not null).Select(c => c.ClinicianId!.Value)).ToList();
        var availability = await SchedulingQueries.AvailabilityAsync(db, clinicianIds, from, to, cancellationToken);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var clinicOpen = Hours(new ClinicianAvailability(string.Empty, [], []), days);

        UtilizationRow Row(string kind, string name, decimal available, Counts? c) =>
            new(kind, name, available, Math.Round(c?.HoursBooked ?? 0, 2), c?.Appointments ?? 0, c?.Cancelled ?? 0, c?.NoShows ?? 0);

        var roomRows = rooms.Select(r => Row(RoomKind, r.Name, clinicOpen, counts.FirstOrDefault(c => c.RoomId == r.Id))).ToList();
        var clinicianRows = availability.Select(a => Row(ClinicianKind, a.Value.ClinicianName, Hours(a.Value, days), counts.FirstOrDefault(c => c.ClinicianId == a.Key)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var total = counts.SingleOrDefault(c => c.IsClinicWide);
        return new UtilizationData(roomRows, clinicianRows, Row("Clinic", "Clinic", clinicianRows.Sum(r => r.HoursAvailable), total));
    }

    private static decimal Hours(ClinicianAvailability availability, List<DateOnly> days) =>
        (decimal)days.Sum(d => availability.BlocksOn(d).Sum(b => (b.End - b.Start).TotalHours));

    private sealed record Counts(Guid? ClinicianId, Guid? RoomId, bool IsClinicWide, int Appointments, int Cancelled, int NoShows, decimal HoursBooked);
}
