namespace KapClinic.Core.Scheduling;

/// <summary>
/// A column of a calendar: a room or a clinician. <see cref="Id"/> is null for the "No room" column. Inactive
/// ones appear only while they still hold appointments in the period shown, so nothing booked is hidden.
/// </summary>
public sealed record CalendarColumn(Guid? Id, string Name, bool IsActive)
{
    public const string NoRoomName = "No room";
}
