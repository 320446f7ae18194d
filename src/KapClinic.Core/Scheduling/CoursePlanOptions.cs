namespace KapClinic.Core.Scheduling;

/// <summary>
/// What a course plan is made from: the sessions still to book (numbered on from <see cref="PreparationDone"/> etc.),
/// the first date, the dosing weekdays and the wall-clock times of each kind of session.
/// </summary>
public sealed record CoursePlanOptions(
    DateOnly StartDate,
    int PreparationSessions,
    int DosingSessions,
    int IntegrationSessions,
    int DosingMinutes,
    IReadOnlyList<DayOfWeek> DosingDays,
    TimeOnly PreparationTime,
    TimeOnly DosingTime,
    TimeOnly IntegrationTime,
    int PreparationDone = 0,
    int DosingDone = 0,
    int IntegrationDone = 0);
