namespace KapClinic.Core.Scheduling;

/// <summary>
/// Lays out a day grid: which rows a day shows and which cell holds each appointment. Pure, so the daylight-saving
/// and overlap rules are tested without a database.
/// </summary>
public static class CalendarGrid
{
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);
    public static readonly TimeOnly DefaultFrom = new(7, 0);
    public static readonly TimeOnly DefaultTo = new(20, 0);

    /// <summary>
    /// The rows' span: from the earliest working hour to the latest (07:00-20:00 when there are none), on whole
    /// local hours, widened to hold every appointment of the day, and never beyond the day itself.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(
        ClinicDayWindow window, TimeZoneInfo zone, TimeOnly? hoursFrom, TimeOnly? hoursTo, IEnumerable<CalendarAppointment> appointments)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        var firstHour = new TimeOnly((hoursFrom ?? DefaultFrom).Hour, 0);
        var lastTime = hoursTo ?? DefaultTo;
        var from = ClinicDayWindow.ToUtc(window.Day, firstHour, zone);
        var to = lastTime.Minute == 0 && lastTime.Second == 0
            ? ClinicDayWindow.ToUtc(window.Day, lastTime, zone)
            : lastTime.Hour == 23 ? window.End : ClinicDayWindow.ToUtc(window.Day, new TimeOnly(lastTime.Hour + 1, 0), zone);

        foreach (var appointment in appointments)
        {
            var start = Max(appointment.StartsAt, window.Start);
            var end = Min(appointment.EndsAt, window.End);
            from = Min(from, ClinicDayWindow.FloorToLocalHour(start, zone));
            to = Max(to, ClinicDayWindow.CeilingToLocalHour(end, zone));
        }

        return (Max(from, window.Start), Min(to, window.End));
    }

    /// <summary>
    /// One row per slot and one cell per column. An appointment sits in the row its start falls in and spans the
    /// rows it lasts into; appointments whose rows overlap in one column share a cell rather than hide each other.
    /// </summary>
    public static IReadOnlyList<CalendarRow> Rows(
        IReadOnlyList<CalendarSlot> slots,
        IReadOnlyList<CalendarColumn> columns,
        IReadOnlyList<CalendarAppointment> appointments,
        Func<CalendarAppointment, Guid?> columnOf)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(columnOf);
        if (slots.Count == 0)
        {
            return [];
        }

        var cells = new CalendarCell[slots.Count, columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            for (var r = 0; r < slots.Count; r++)
            {
                cells[r, c] = CalendarCell.Empty;
            }

            var column = columns[c].Id;
            var spans = appointments
                .Where(a => columnOf(a) == column && a.EndsAt > slots[0].StartsAt && a.StartsAt < slots[^1].EndsAt)
                .Select(a => (Appointment: a, First: RowOf(slots, a.StartsAt), Last: RowOf(slots, a.EndsAt - TimeSpan.FromTicks(1))))
                .OrderBy(s => s.First).ThenBy(s => s.Appointment.StartsAt)
                .ToList();
            foreach (var (group, first, last) in Merge(spans))
            {
                cells[first, c] = new CalendarCell(group, last - first + 1, false);
                for (var r = first + 1; r <= last; r++)
                {
                    cells[r, c] = CalendarCell.Covered;
                }
            }
        }

        return [.. slots.Select((slot, r) => new CalendarRow(slot, [.. Enumerable.Range(0, columns.Count).Select(c => cells[r, c])]))];
    }

    private static IEnumerable<(List<CalendarAppointment> Group, int First, int Last)> Merge(
        List<(CalendarAppointment Appointment, int First, int Last)> spans)
    {
        List<CalendarAppointment>? group = null;
        int first = 0, last = 0;
        foreach (var span in spans)
        {
            if (group is not null && span.First <= last)
            {
                group.Add(span.Appointment);
                last = Math.Max(last, span.Last);
                continue;
            }

            if (group is not null)
            {
                yield return (group, first, last);
            }

            group = [span.Appointment];
            (first, last) = (span.First, span.Last);
        }

        if (group is not null)
        {
            yield return (group, first, last);
        }
    }

    /// <summary>The row whose slot holds the instant, clamped to the grid.</summary>
    private static int RowOf(IReadOnlyList<CalendarSlot> slots, DateTimeOffset instant)
    {
        var row = 0;
        for (var r = 0; r < slots.Count && slots[r].StartsAt <= instant; r++)
        {
            row = r;
        }

        return row;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
