namespace KapClinic.Core.Reports.DosingLog;

/// <summary>
/// One row per dose administration with its session's aggregates as LATERAL subqueries (no query per row): the
/// highest systolic reading between the first dose and discharge (with its diastolic), the lowest SpO2 in that
/// window, the adverse events and this dose's gate overrides. Free text (event descriptions, override reasons) is
/// selected only when $5 is true. $1 start, $2 end (UTC, exclusive), $3 clinician, $4 protocol (null for any).
/// </summary>
internal static class DosingLogSql
{
    private const string From = """
        FROM dose_administrations a
        JOIN dosing_sessions ds ON ds.id = a.note_id
        JOIN clinical_notes n ON n.id = ds.id
        JOIN patients p ON p.id = n.patient_id
        """;

    private const string Where = """
        WHERE a.administered_at >= $1 AND a.administered_at < $2
          AND ($3::uuid IS NULL OR n.author_id = $3::uuid)
          AND ($4::uuid IS NULL OR ds.protocol_id = $4::uuid)
        """;

    public const string Rows = $$"""
        SELECT a.administered_at AS "AdministeredAt", p.mrn AS "Mrn", p.legal_first_name AS "FirstName", p.legal_last_name AS "LastName",
               a.drug AS "Drug", a.route AS "Route", a.dose_mg AS "DoseMg", a.mg_per_kg AS "MgPerKg", a.lot_number AS "LotNumber",
               ds.pre_dose_systolic AS "PreDoseSystolic", ds.pre_dose_diastolic AS "PreDoseDiastolic",
               peak.systolic AS "PeakSystolic", peak.diastolic AS "PeakDiastolic", low.sp_o2 AS "LowestSpO2",
               ae.events AS "AdverseEvents", ae.severities AS "AdverseEventSeverities", ae.details AS "AdverseEventDetails",
               CASE WHEN ds.discharged_at IS NULL THEN NULL
                    ELSE floor(extract(epoch FROM ds.discharged_at - fd.at) / 60)::int END AS "MonitoringMinutes",
               ov.overrides AS "Overrides", ov.gates AS "OverriddenGates", ov.reasons AS "OverrideReasons"
        {{From}}
        CROSS JOIN LATERAL (SELECT min(d.administered_at) AS at FROM dose_administrations d WHERE d.note_id = a.note_id) fd
        LEFT JOIN LATERAL (
            SELECT r.systolic, r.diastolic FROM vitals_readings r
            WHERE r.note_id = a.note_id AND r.systolic IS NOT NULL AND r.taken_at >= fd.at
              AND (ds.discharged_at IS NULL OR r.taken_at <= ds.discharged_at)
            ORDER BY r.systolic DESC, r.taken_at LIMIT 1
        ) peak ON true
        CROSS JOIN LATERAL (
            SELECT min(r.sp_o2) AS sp_o2 FROM vitals_readings r
            WHERE r.note_id = a.note_id AND r.taken_at >= fd.at AND (ds.discharged_at IS NULL OR r.taken_at <= ds.discharged_at)
        ) low
        CROSS JOIN LATERAL (
            SELECT count(*)::int AS events, string_agg(e.severity, ', ' ORDER BY e.onset_at, e.id) AS severities,
                   CASE WHEN $5 THEN string_agg(coalesce(e.other_type, e.type) || ' (' || e.severity || '): ' || e.action_taken, '; ' ORDER BY e.onset_at, e.id) END AS details
            FROM adverse_events e WHERE e.note_id = a.note_id
        ) ae
        CROSS JOIN LATERAL (
            SELECT count(*)::int AS overrides, coalesce(array_agg(o.gate::text ORDER BY o.overridden_at, o.id), '{}'::text[]) AS gates,
                   CASE WHEN $5 THEN coalesce(array_agg(o.reason ORDER BY o.overridden_at, o.id), '{}'::text[]) END AS reasons
            FROM dosing_gate_overrides o WHERE o.administration_id = a.id
        ) ov
        {{Where}}
        ORDER BY a.administered_at, a.id
        """;

    public const string Totals = $"""
        SELECT count(*)::int AS "Doses", count(DISTINCT a.note_id)::int AS "Sessions", count(DISTINCT n.patient_id)::int AS "Patients",
               count(DISTINCT a.note_id) FILTER (WHERE EXISTS (SELECT 1 FROM adverse_events e WHERE e.note_id = a.note_id))::int AS "SessionsWithAdverseEvents",
               coalesce(sum(ov.overrides), 0)::int AS "Overrides"
        {From}
        CROSS JOIN LATERAL (SELECT count(*) AS overrides FROM dosing_gate_overrides o WHERE o.administration_id = a.id) ov
        {Where}
        """;
}
