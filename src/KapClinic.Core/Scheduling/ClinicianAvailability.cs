namespace KapClinic.Core.Scheduling;

/// <summary>
/// When a clinician works: their weekly template and time off. A clinician with no template yet is taken to work
/// the clinic's usual hours (<see cref="DefaultHours"/>, Monday to Friday 08:00-18:00) until an Admin sets theirs.
/// </summary>
public sealed record ClinicianAvailability(string ClinicianName, IReadOnlyList<HoursBlock> Hours, IReadOnlyList<TimeOffPeriod> TimeOff)
{
    public static IReadOnlyList<HoursBlock> DefaultHours { get; } =
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new HoursBlock(d, new TimeOnly(8, 0), new TimeOnly(18, 0))),
    ];

    public bool UsesDefaultHours => Hours.Count == 0;

    public IReadOnlyList<HoursBlock> EffectiveHours => UsesDefaultHours ? DefaultHours : Hours;

    public IEnumerable<HoursBlock> BlocksOn(DateOnly day) =>
        TimeOff.Any(t => t.Covers(day)) ? [] : EffectiveHours.Where(b => b.Day == day.DayOfWeek).OrderBy(b => b.Start);

    /// <summary>
    /// Null when [start, end) lies inside one block of the clinician's hours on a working day; otherwise why not,
    /// in words ("Dr A is on time off (annual leave) on Mon 1 Mar 2027.").
    /// </summary>
    public string? OutsideHoursReason(DateTimeOffset startsAt, DateTimeOffset endsAt, TimeZoneInfo zone)
    {
        var day = ClinicTimes.DateOf(startsAt, zone);
        var endDay = ClinicTimes.DateOf(endsAt, zone);
        var start = ClinicTimes.TimeOf(startsAt, zone);
        var end = ClinicTimes.TimeOf(endsAt, zone);
        if (TimeOff.FirstOrDefault(t => t.Covers(day) || t.Covers(endDay)) is { } off)
        {
            return $"{ClinicianName} is on time off ({off.Reason}) on {ClinicTimes.FormatDate(off.Covers(day) ? day : endDay)}.";
        }

        var blocks = EffectiveHours.Where(b => b.Day == day.DayOfWeek).OrderBy(b => b.Start).ToList();
        if (blocks.Count == 0)
        {
            return $"{ClinicianName} does not work on {day.DayOfWeek}s.";
        }

        if (endDay == day && blocks.Any(b => b.Contains(start, end)))
        {
            return null;
        }

        var hours = string.Join(" and ", blocks.Select(b => $"{ClinicTimes.FormatTime(b.Start)}–{ClinicTimes.FormatTime(b.End)}"));
        return $"{ClinicTimes.FormatTime(start)}–{ClinicTimes.FormatTime(end)} is outside {ClinicianName}'s hours on {day.DayOfWeek}s ({hours}).";
    }
}
