using KapClinic.Core.Data;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// Checks a proposed plan against the calendar in a fixed number of SQL commands: for each item, the appointments it
/// would clash with (and other items of the plan it overlaps), whether it is outside the clinician's hours or in the
/// past, and for a clashing item the next free slot for the same people and room.
/// </summary>
public sealed class CoursePlanReviewer(KapClinicDbContext db, TimeProvider clock)
{
    public async Task<PlanReview> ReviewAsync(Guid patientId, IReadOnlyList<PlanItemInput> items, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return new PlanReview([]);
        }

        var slots = items.Select(i =>
        {
            var (start, end) = AppointmentBooking.Times(i, i.Length, zone);
            return new ProposedSlot(patientId, i.ClinicianId!.Value, i.RoomId, start, end);
        }).ToList();
        var window = new TimeRange(slots.Min(s => s.StartsAt), slots.Max(s => s.EndsAt).AddDays(NextFreeSlots.SearchDays + 1));
        var clinicianIds = slots.Select(s => s.ClinicianId).Distinct().ToList();
        var busy = await SchedulingQueries.BusyAsync(
            db, window, [.. slots.Where(s => s.RoomId is not null).Select(s => s.RoomId!.Value).Distinct()], clinicianIds, [patientId], [], cancellationToken);
        var availability = await SchedulingQueries.AvailabilityAsync(
            db, clinicianIds, ClinicTimes.DateOf(window.Start, zone), ClinicTimes.DateOf(window.End, zone), cancellationToken);
        var now = clock.GetUtcNow();

        var reviews = new List<PlanItemReview>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var conflicts = AppointmentConflicts.Describe(slot, busy, zone);
            for (var j = 0; j < slots.Count; j++)
            {
                if (j != i && slots[j].Range.Overlaps(slot.Range))
                {
                    conflicts.Add($"It overlaps {items[j].Label} of this plan ({ClinicTimes.Describe(slots[j].StartsAt, slots[j].EndsAt, zone)}).");
                }
            }

            FreeSlot? alternative = null;
            if (conflicts.Count > 0)
            {
                var taken = busy.Where(slot.SharesResourceWith).Select(b => b.Range)
                    .Concat(slots.Where((_, j) => j != i).Select(s => s.Range)).ToList();
                var found = NextFreeSlots.Find(slot.StartsAt > now ? slot.StartsAt : now, slot.EndsAt - slot.StartsAt, zone, availability[slot.ClinicianId], taken, count: 1);
                alternative = found.Count > 0 ? found[0] : null;
            }

            reviews.Add(new PlanItemReview(
                i, slot.StartsAt, slot.EndsAt, conflicts, availability[slot.ClinicianId].OutsideHoursReason(slot.StartsAt, slot.EndsAt, zone),
                slot.StartsAt < now, alternative));
        }

        return new PlanReview(reviews);
    }
}
