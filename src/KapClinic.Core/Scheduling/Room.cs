using KapClinic.Core.Auditing;

namespace KapClinic.Core.Scheduling;

/// <summary>A bookable place: a dosing room, a therapy room or an infusion chair. Retired, never deleted.</summary>
public sealed class Room : IAuditable
{
    public const int NameMaxLength = 80;

    private Room()
    {
        Name = string.Empty;
    }

    public Room(string name, RoomKind kind, DateTimeOffset createdAt)
        : this()
    {
        Id = Guid.CreateVersion7(createdAt);
        Rename(name);
        Kind = kind;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public RoomKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public string AuditEntityType => "Room";

    public Guid AuditEntityId => Id;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    public void ChangeKind(RoomKind kind) => Kind = kind;

    public void Retire() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
