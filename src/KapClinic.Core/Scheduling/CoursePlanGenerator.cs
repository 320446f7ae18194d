namespace KapClinic.Core.Scheduling;

/// <summary>
/// Proposes a course's sessions: preparation weekly from the start date (moved to the next working day when it falls on
/// a weekend), then dosing on the chosen weekdays (e.g. Monday and Thursday: twice a week) after the last preparation,
/// and an integration session on the next working day after a dose (24-72 h later: Friday's dose integrates on
/// Monday). With fewer integration sessions than doses they follow doses spread evenly (4 for 8 doses: after every
/// second); any more than doses follow weekly after the last. Pure: dates and wall-clock times only.
/// </summary>
public static class CoursePlanGenerator
{
    public static IReadOnlyList<DayOfWeek> DefaultDosingDays { get; } = [DayOfWeek.Monday, DayOfWeek.Thursday];

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The first working day strictly after <paramref name="day"/>.</summary>
    public static DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    public static IReadOnlyList<PlannedSession> Propose(CoursePlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DosingSessions > 0 && options.DosingDays.Count == 0)
        {
            throw new ArgumentException("Choose at least one dosing weekday.", nameof(options));
        }

        var sessions = new List<PlannedSession>();
        var first = IsWorkingDay(options.StartDate) ? options.StartDate : NextWorkingDay(options.StartDate);
        var preparationTotal = options.PreparationDone + options.PreparationSessions;
        for (var i = 0; i < options.PreparationSessions; i++)
        {
            sessions.Add(new PlannedSession(
                AppointmentType.Preparation, options.PreparationDone + i + 1, preparationTotal, first.AddDays(7 * i), options.PreparationTime,
                AppointmentDurations.PreparationMinutes));
        }

        var cursor = options.PreparationSessions > 0 ? sessions[^1].Date.AddDays(1) : first;
        var doses = new List<DateOnly>();
        while (doses.Count < options.DosingSessions)
        {
            if (options.DosingDays.Contains(cursor.DayOfWeek))
            {
                doses.Add(cursor);
            }

            cursor = cursor.AddDays(1);
        }

        var dosingTotal = options.DosingDone + options.DosingSessions;
        sessions.AddRange(doses.Select((day, i) => new PlannedSession(
            AppointmentType.Dosing, options.DosingDone + i + 1, dosingTotal, day, options.DosingTime, options.DosingMinutes)));
        sessions.AddRange(Integrations(options, doses, sessions.Count > 0 ? sessions.Max(s => s.Date) : first));
        return [.. sessions.OrderBy(s => s.Date).ThenBy(s => s.Time).ThenBy(s => s.Type)];
    }

    private static IEnumerable<PlannedSession> Integrations(CoursePlanOptions options, List<DateOnly> doses, DateOnly lastDate)
    {
        var total = options.IntegrationDone + options.IntegrationSessions;
        var days = new List<DateOnly>();
        var followingDoses = Math.Min(options.IntegrationSessions, doses.Count);
        for (var k = 1; k <= doses.Count && followingDoses > 0; k++)
        {
            // After dose k when the running share k * I / D steps up: I of D doses, evenly spread, the last dose included.
            if (k * followingDoses / doses.Count > (k - 1) * followingDoses / doses.Count)
            {
                days.Add(NextWorkingDay(doses[k - 1]));
            }
        }

        var weekly = days.Count > 0 ? days[^1] : NextWorkingDay(lastDate).AddDays(-7);
        while (days.Count < options.IntegrationSessions)
        {
            weekly = weekly.AddDays(7);
            days.Add(weekly);
        }

        return days.Select((day, i) => new PlannedSession(
            AppointmentType.Integration, options.IntegrationDone + i + 1, total, day, options.IntegrationTime, AppointmentDurations.IntegrationMinutes));
    }
}
