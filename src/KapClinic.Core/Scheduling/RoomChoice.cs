namespace KapClinic.Core.Scheduling;

/// <summary>A room in a booking form's list (and the rooms page).</summary>
public sealed record RoomChoice(Guid Id, string Name, RoomKind Kind, bool IsActive, uint Version)
{
    public string Label => $"{Name} ({AppointmentTypeText.Room(Kind).ToLowerInvariant()})";
}
