namespace KapClinic.Core.Auditing;

/// <summary>
/// One row of the append-only audit trail. It has no behaviour that changes it after construction, the
/// interceptor refuses to update or delete it, and a database trigger refuses the same.
/// Detail is short and never holds PHI: field names, not their values.
/// </summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 64;
    public const int EntityTypeMaxLength = 64;
    public const int DetailMaxLength = 500;
    public const int RemoteIpMaxLength = 64;

    private AuditEvent()
    {
        Action = string.Empty;
    }

    public AuditEvent(
        DateTimeOffset occurredAt,
        string action,
        AuditOutcome outcome,
        Guid? userId,
        string? remoteIp,
        string? entityType = null,
        Guid? entityId = null,
        Guid? patientId = null,
        string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        Id = Guid.CreateVersion7(occurredAt);
        OccurredAt = occurredAt.ToUniversalTime();
        Action = Truncate(action, ActionMaxLength)!;
        Outcome = outcome;
        UserId = userId;
        RemoteIp = Truncate(remoteIp, RemoteIpMaxLength);
        EntityType = Truncate(entityType, EntityTypeMaxLength);
        EntityId = entityId;
        PatientId = patientId;
        Detail = Truncate(detail, DetailMaxLength);
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? UserId { get; private set; }

    public string Action { get; private set; }

    public string? EntityType { get; private set; }

    public Guid? EntityId { get; private set; }

    public Guid? PatientId { get; private set; }

    public string? RemoteIp { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public string? Detail { get; private set; }

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
