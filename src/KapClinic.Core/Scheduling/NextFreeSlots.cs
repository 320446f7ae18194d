namespace KapClinic.Core.Scheduling;

/// <summary>
/// The search behind "next free slots": walks the clinician's working blocks day by day in wall-clock time, on a
/// half-hour grid, from a starting instant, and keeps the first times when nothing busy overlaps. Pure: the caller
/// loads the busy times of the room, the clinician and the patient.
/// </summary>
public static class NextFreeSlots
{
    public const int SearchDays = 14;
    public const int MaxResults = 5;
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<FreeSlot> Find(
        DateTimeOffset from,
        TimeSpan duration,
        TimeZoneInfo zone,
        ClinicianAvailability availability,
        IReadOnlyCollection<TimeRange> busy,
        int days = SearchDays,
        int count = MaxResults)
    {
        ArgumentNullException.ThrowIfNull(availability);
        if (duration <= TimeSpan.Zero || count <= 0)
        {
            return [];
        }

        var found = new List<FreeSlot>();
        var firstDay = ClinicTimes.DateOf(from, zone);
        for (var day = firstDay; day < firstDay.AddDays(days) && found.Count < count; day = day.AddDays(1))
        {
            foreach (var block in availability.BlocksOn(day))
            {
                for (var time = block.Start; time.Add(duration, out var wrapped) <= block.End && wrapped == 0 && found.Count < count;)
                {
                    var slot = new TimeRange(ClinicTimes.ToUtc(day, time, zone), ClinicTimes.ToUtc(day, time, zone) + duration);
                    if (slot.Start >= from && !busy.Any(slot.Overlaps))
                    {
                        found.Add(new FreeSlot(slot.Start, slot.End));
                    }

                    time = time.Add(Step, out var next);
                    if (next != 0)
                    {
                        break;
                    }
                }
            }
        }

        return found;
    }
}
