using System.Data.Common;
using KapClinic.Core.Data;

namespace KapClinic.Core.Reports.AuditTrail;

/// <summary>One audit event as the audit log report shows it: who (name and email), what, on which record, from where.</summary>
public sealed class AuditLogRow
{
    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The acting user's name, or null for an event without a user (a failed sign-in with an unknown email).</summary>
    public string? UserName { get; init; }

    public string? UserEmail { get; init; }

    public string Action { get; init; } = string.Empty;

    public string Outcome { get; init; } = string.Empty;

    public string? EntityType { get; init; }

    public Guid? EntityId { get; init; }

    /// <summary>The patient's MRN (never the name: the log is read for security reviews, not care).</summary>
    public string? PatientMrn { get; init; }

    public string? RemoteIp { get; init; }

    public string? Detail { get; init; }

    internal static AuditLogRow Read(DbDataReader r) => new()
    {
        Id = r.Value<Guid>("Id"), OccurredAt = r.Value<DateTimeOffset>("OccurredAt"), UserName = r.Text("UserName"), UserEmail = r.Text("UserEmail"),
        Action = r.Value<string>("Action"), Outcome = r.Value<string>("Outcome"), EntityType = r.Text("EntityType"), EntityId = r.Optional<Guid>("EntityId"),
        PatientMrn = r.Text("PatientMrn"), RemoteIp = r.Text("RemoteIp"), Detail = r.Text("Detail"),
    };
}
