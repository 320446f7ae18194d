using KapClinic.Core.Data;

namespace KapClinic.Core.Auditing;

/// <summary>
/// Explicit audit events for what is not a data change: sign-in and sign-out, denied access, and (from later
/// features) views of a patient record and exports. Data changes are audited by <see cref="AuditingInterceptor"/>.
/// </summary>
public sealed class AuditLog(KapClinicDbContext db, IAuditContext auditContext, TimeProvider clock)
{
    public async Task RecordAsync(
        string action,
        AuditOutcome outcome,
        Guid? userId = null,
        string? entityType = null,
        Guid? entityId = null,
        Guid? patientId = null,
        string? detail = null,
        CancellationToken cancellationToken = default)
    {
        Add(action, outcome, userId, entityType, entityId, patientId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the event to the context without saving, so it commits with the change it describes.</summary>
    public void Add(
        string action,
        AuditOutcome outcome,
        Guid? userId = null,
        string? entityType = null,
        Guid? entityId = null,
        Guid? patientId = null,
        string? detail = null)
    {
        db.AuditEvents.Add(new AuditEvent(
            clock.GetUtcNow(),
            action,
            outcome,
            userId ?? auditContext.UserId,
            auditContext.RemoteIp,
            entityType,
            entityId,
            patientId,
            detail));
    }
}
