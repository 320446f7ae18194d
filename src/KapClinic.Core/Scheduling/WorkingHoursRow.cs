namespace KapClinic.Core.Scheduling;

public sealed record WorkingHoursRow(Guid Id, DayOfWeek Day, TimeOnly Start, TimeOnly End);
