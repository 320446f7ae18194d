namespace KapClinic.Core.Scheduling;

/// <summary>An appointment already booked for a course, as the plan page lists it.</summary>
public sealed record CourseAppointment(
    Guid Id, AppointmentType Type, AppointmentStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? RoomName, string ClinicianName);
