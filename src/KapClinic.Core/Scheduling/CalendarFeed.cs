using KapClinic.Core.Auditing;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// A clinician's private iCal feed. Only the SHA-256 of the secret token is stored, so a database leak does not
/// leak working feed URLs; revoking sets <see cref="RevokedAt"/> and a new feed gets a new token.
/// </summary>
public sealed class CalendarFeed : IAuditable
{
    private CalendarFeed()
    {
        TokenHash = string.Empty;
    }

    public CalendarFeed(Guid clinicianId, string tokenHash, DateTimeOffset createdAt)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        Id = Guid.CreateVersion7(createdAt);
        ClinicianId = clinicianId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid ClinicianId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public string AuditEntityType => "CalendarFeed";

    public Guid AuditEntityId => Id;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
