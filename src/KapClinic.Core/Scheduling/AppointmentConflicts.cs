using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// Turns PostgreSQL's refusal of an overlapping appointment (SQLSTATE 23P01 from one of the exclusion constraints in
/// <see cref="AppointmentConstraintsSql"/>) into words, and finds the next free slots for the same people and room.
/// </summary>
public sealed class AppointmentConflicts(KapClinicDbContext db, ClinicSettingsService settings, TimeProvider clock)
{
    public static bool IsOverlap(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation };

    /// <summary>What to throw after <paramref name="cause"/>: the busy room, clinician or patient, and other times.</summary>
    public async Task<BookingConflictException> ExplainAsync(ProposedSlot slot, DbUpdateException cause, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear(); // the refused change must not be saved by a later SaveChanges in this scope
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var busy = await SchedulingQueries.BusyAsync(
            db, slot.Range, Ids(slot.RoomId), [slot.ClinicianId], [slot.PatientId], Ids(slot.ExcludeAppointmentId), cancellationToken);
        var reasons = Describe(slot, busy, zone);
        if (reasons.Count == 0)
        {
            // The appointment that held the slot was moved or cancelled meanwhile; name what the database refused.
            var constraint = (cause.InnerException as PostgresException)?.ConstraintName;
            reasons = [constraint switch
            {
                AppointmentConstraintsSql.RoomConstraint => "The room was booked by someone else at that time.",
                AppointmentConstraintsSql.ClinicianConstraint => "The clinician was booked by someone else at that time.",
                _ => "The patient was booked by someone else at that time.",
            }];
        }

        return new BookingConflictException(reasons, await NextFreeSlotsAsync(slot, zone, cancellationToken), cause);
    }

    /// <summary>The first free times (after the asked-for start, within 14 days, inside the clinician's hours) of the same length.</summary>
    public async Task<IReadOnlyList<FreeSlot>> NextFreeSlotsAsync(ProposedSlot slot, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var from = slot.StartsAt > now ? slot.StartsAt : now;
        var window = new TimeRange(from, from.AddDays(NextFreeSlots.SearchDays + 1));
        var busy = await SchedulingQueries.BusyAsync(
            db, window, Ids(slot.RoomId), [slot.ClinicianId], [slot.PatientId], Ids(slot.ExcludeAppointmentId), cancellationToken);
        var firstDay = ClinicTimes.DateOf(from, zone);
        var availability = (await SchedulingQueries.AvailabilityAsync(
            db, [slot.ClinicianId], firstDay, firstDay.AddDays(NextFreeSlots.SearchDays), cancellationToken))[slot.ClinicianId];
        return NextFreeSlots.Find(from, slot.EndsAt - slot.StartsAt, zone, availability, [.. busy.Select(b => b.Range)]);
    }

    /// <summary>One sentence per busy appointment that clashes with the slot, patient first, then clinician, then room.</summary>
    public static List<string> Describe(ProposedSlot slot, IEnumerable<BusyAppointment> busy, TimeZoneInfo zone)
    {
        var clashes = busy.Where(b => b.Id != slot.ExcludeAppointmentId && b.Range.Overlaps(slot.Range)).ToList();
        var reasons = new List<string>();
        foreach (var b in clashes.Where(b => b.PatientId == slot.PatientId))
        {
            reasons.Add($"The patient already has {AppointmentTypeText.InSentence(b.Type)} from {ClinicTimes.Describe(b.StartsAt, b.EndsAt, zone)}.");
        }

        foreach (var b in clashes.Where(b => b.ClinicianId == slot.ClinicianId))
        {
            reasons.Add($"{b.ClinicianName} is already booked from {ClinicTimes.Describe(b.StartsAt, b.EndsAt, zone)} ({Whom(b, slot)}).");
        }

        foreach (var b in clashes.Where(b => slot.RoomId is not null && b.RoomId == slot.RoomId))
        {
            reasons.Add($"{b.RoomName ?? "The room"} is already booked from {ClinicTimes.Describe(b.StartsAt, b.EndsAt, zone)} ({AppointmentTypeText.InSentence(b.Type)}).");
        }

        return reasons;
    }

    private static string Whom(BusyAppointment busy, ProposedSlot slot) =>
        $"{AppointmentTypeText.InSentence(busy.Type)} with {(busy.PatientId == slot.PatientId ? "this patient" : "another patient")}";

    private static Guid[] Ids(Guid? id) => id is { } value ? [value] : [];
}
