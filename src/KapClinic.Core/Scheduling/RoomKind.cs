namespace KapClinic.Core.Scheduling;

public enum RoomKind
{
    DosingRoom,
    TherapyRoom,
    InfusionChair,
}
