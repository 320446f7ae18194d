namespace KapClinic.Core.Scheduling;

/// <summary>When an appointment is, as the clinic's clocks show it: a date, a start and (optionally) an end on that day.</summary>
public interface IAppointmentTimes
{
    DateOnly? Date { get; }

    TimeOnly? StartTime { get; }

    /// <summary>Empty: the appointment type's usual length (or, when moving one, its current length).</summary>
    TimeOnly? EndTime { get; }
}
