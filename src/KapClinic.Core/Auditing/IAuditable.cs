namespace KapClinic.Core.Auditing;

/// <summary>
/// An entity whose every insert, update and delete writes an audit row in the same transaction
/// (see <see cref="AuditingInterceptor"/>).
/// </summary>
public interface IAuditable
{
    string AuditEntityType { get; }

    Guid AuditEntityId { get; }

    /// <summary>The patient the record belongs to, where there is one.</summary>
    Guid? AuditPatientId => null;
}
