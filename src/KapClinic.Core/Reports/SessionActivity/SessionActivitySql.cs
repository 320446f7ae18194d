namespace KapClinic.Core.Reports.SessionActivity;

/// <summary>
/// The three kinds of session as one UNION ALL (each branch joined to clinical_notes for the common columns), then the
/// patient, clinician and protocol. No note text is selected. $1 start (UTC), $2 end (UTC, exclusive), $3 clinician,
/// $4 protocol, $5 patient status (each null for any).
/// </summary>
internal static class SessionActivitySql
{
    private const string Filtered = """
        FROM (
            SELECT n.id, 'Preparation' AS kind, n.patient_id, n.author_id, n.occurred_at, n.status, c.protocol_id, ps.duration_minutes
            FROM preparation_sessions ps
            JOIN clinical_notes n ON n.id = ps.id
            JOIN treatment_courses c ON c.id = n.course_id
            UNION ALL
            SELECT n.id, 'Dosing', n.patient_id, n.author_id, n.occurred_at, n.status, ds.protocol_id,
                   CASE WHEN ds.discharged_at IS NULL THEN NULL ELSE floor(extract(epoch FROM ds.discharged_at - n.occurred_at) / 60)::int END
            FROM dosing_sessions ds
            JOIN clinical_notes n ON n.id = ds.id
            UNION ALL
            SELECT n.id, 'Integration', n.patient_id, n.author_id, n.occurred_at, n.status, c.protocol_id, i.duration_minutes
            FROM integration_notes i
            JOIN clinical_notes n ON n.id = i.id
            JOIN treatment_courses c ON c.id = n.course_id
        ) s
        JOIN patients p ON p.id = s.patient_id
        JOIN users u ON u.id = s.author_id
        JOIN protocols pr ON pr.id = s.protocol_id
        WHERE s.occurred_at >= $1 AND s.occurred_at < $2
          AND ($3::uuid IS NULL OR s.author_id = $3::uuid)
          AND ($4::uuid IS NULL OR s.protocol_id = $4::uuid)
          AND ($5::text IS NULL OR p.status = $5::text)
        """;

    public const string Rows = $"""
        SELECT s.occurred_at AS "OccurredAt", s.kind AS "Kind", p.mrn AS "Mrn", p.legal_first_name AS "FirstName",
               p.legal_last_name AS "LastName", u.display_name AS "Clinician", pr.name AS "Protocol", s.status AS "Status",
               s.duration_minutes AS "DurationMinutes"
        {Filtered}
        ORDER BY s.occurred_at, s.id
        """;

    public const string Totals = $"""
        SELECT s.kind AS "Kind", count(*)::int AS "Sessions"
        {Filtered}
        GROUP BY s.kind
        """;
}
