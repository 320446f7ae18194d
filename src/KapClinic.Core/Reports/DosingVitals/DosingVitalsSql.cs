namespace KapClinic.Core.Reports.DosingVitals;

/// <summary>
/// The report's SQL, one statement for the rows and one for the totals, so the benchmark can run the very same rows
/// query through psql. $1 = first instant (UTC), $2 = first instant after the period, $3 = monitoring clinician or null.
/// Sessions are chosen by their start; readings come in session order, then by time.
/// </summary>
internal static class DosingVitalsSql
{
    private const string Sessions = """
        SELECT n.id, n.occurred_at, n.patient_id
        FROM clinical_notes n JOIN dosing_sessions ds ON ds.id = n.id
        WHERE n.occurred_at >= $1 AND n.occurred_at < $2 AND ($3::uuid IS NULL OR n.author_id = $3::uuid)
        """;

    public const string Rows = "WITH s AS (" + Sessions + """
        ),
        d AS (SELECT a.note_id, min(a.administered_at) AS first_dose_at FROM dose_administrations a JOIN s ON s.id = a.note_id GROUP BY a.note_id)
        SELECT s.occurred_at, p.mrn,
               upper(left(btrim(p.legal_first_name), 1)) || '.' || upper(left(btrim(p.legal_last_name), 1)) || '.' AS initials,
               r.taken_at, floor(extract(epoch FROM r.taken_at - d.first_dose_at) / 60)::int AS minutes_since_dose,
               r.systolic, r.diastolic, r.heart_rate, r.sp_o2, r.respiratory_rate, r.moaas, r.dissociation, r.cadss6, r.nausea
        FROM s
        JOIN vitals_readings r ON r.note_id = s.id
        JOIN patients p ON p.id = s.patient_id
        LEFT JOIN d ON d.note_id = s.id
        ORDER BY s.occurred_at, s.id, r.taken_at, r.id
        """;

    public const string Totals = "WITH s AS (" + Sessions + """
        )
        SELECT count(r.id) AS readings, count(DISTINCT s.id) FILTER (WHERE r.id IS NOT NULL) AS sessions,
               count(DISTINCT s.patient_id) FILTER (WHERE r.id IS NOT NULL) AS patients,
               min(r.sp_o2) AS lowest_spo2, max(r.systolic) AS highest_systolic, max(r.heart_rate) AS highest_heart_rate
        FROM s LEFT JOIN vitals_readings r ON r.note_id = s.id
        """;
}
