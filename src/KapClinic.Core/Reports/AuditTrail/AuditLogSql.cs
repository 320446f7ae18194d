using System.Text;

namespace KapClinic.Core.Reports.AuditTrail;

/// <summary>
/// The audit log's SQL: the period (on ix_audit_events_occurred_at), the user (ix_audit_events_user_id_occurred_at),
/// the patient (ix_audit_events_patient_id_occurred_at) and the action's beginning (LIKE 'x%' with the input escaped,
/// on ix_audit_events_action_occurred_at, varchar_pattern_ops). Only the filters given become conditions, so
/// each query is planned for what it asks. Values travel as positional parameters.
/// </summary>
internal sealed class AuditLogSql
{
    private const string From = """
        FROM audit_events a
        LEFT JOIN users u ON u.id = a.user_id
        LEFT JOIN patients p ON p.id = a.patient_id
        """;

    private readonly string where;

    private AuditLogSql(string where, IReadOnlyList<object> parameters)
    {
        this.where = where;
        Parameters = parameters;
    }

    public IReadOnlyList<object> Parameters { get; }

    /// <summary>Newest first; ties (same instant) by id, newest first too (ids are version 7, time-ordered).</summary>
    public string Rows => $"""
        SELECT a.id AS "Id", a.occurred_at AS "OccurredAt", u.display_name AS "UserName", u.email AS "UserEmail", a.action AS "Action",
               a.outcome AS "Outcome", a.entity_type AS "EntityType", a.entity_id AS "EntityId", p.mrn AS "PatientMrn",
               a.remote_ip AS "RemoteIp", a.detail AS "Detail"
        {From}
        {where}
        ORDER BY a.occurred_at DESC, a.id DESC
        """;

    public string Totals => $"""
        SELECT count(*) AS "Events", count(*) FILTER (WHERE a.outcome = 'Failure') AS "Failures", count(*) FILTER (WHERE a.outcome = 'Denied') AS "Denied"
        FROM audit_events a
        {where}
        """;

    public static AuditLogSql For(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = new List<object>();
        var where = new StringBuilder("WHERE true");
        void Add(string condition, object value)
        {
            parameters.Add(value);
            where.Append(" AND ").Append(condition.Replace("$?", $"${parameters.Count}", StringComparison.Ordinal));
        }

        if (context.FromUtc is { } from)
        {
            Add("a.occurred_at >= $?", from);
        }

        if (context.ToUtcExclusive is { } to)
        {
            Add("a.occurred_at < $?", to);
        }

        var filter = context.Filter;
        if (filter.UserId is { } user)
        {
            Add("a.user_id = $?", user);
        }

        if (filter.PatientId is { } patient)
        {
            Add("a.patient_id = $?", patient);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            Add("a.action LIKE $? ESCAPE '\\'", LikePrefix(filter.Action));
        }

        return new AuditLogSql(where.ToString(), parameters);
    }

    /// <summary>"Patient." becomes "Patient.%": the backslash, % and _ in the input are escaped, so they match only themselves.</summary>
    public static string LikePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
