namespace KapClinic.Core.Scheduling;

/// <summary>One event of a clinician's iCal feed: what may leave the clinic, and no more (initials, never names).</summary>
public sealed record CalendarFeedEvent(Guid AppointmentId, AppointmentType Type, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string PatientInitials, string? RoomName)
{
    public string Summary => $"{Type} · {PatientInitials}";
}
