namespace KapClinic.Bench.Baseline;

/// <summary>
/// The baseline's SQL: the rows our pages read, in the same shape (the patient list's count and page with the
/// trigram-indexed ILIKE on search_name; the chart's parts; the dosing session with its children). $1 is the id
/// (or, for the search, the lower-case name word; $2 the page size).
/// </summary>
public static class BaselineSql
{
    public const string SearchWhere = @"WHERE NOT p.is_archived AND p.search_name ILIKE '%' || kap_unaccent($1) || '%' ESCAPE '\'";

    public const string SearchCount = "SELECT count(*)::int FROM patients p " + SearchWhere;

    public const string SearchPage = """
        SELECT p.id, p.mrn, p.legal_first_name, p.legal_last_name, p.preferred_name, p.date_of_birth, p.status,
               (SELECT u.display_name FROM users u WHERE u.id = p.primary_clinician_id LIMIT 1) AS clinician
        FROM patients p
        """ + "\n" + SearchWhere + "\nORDER BY p.legal_last_name, p.legal_first_name, p.id LIMIT $2 OFFSET 0";

    /// <summary>The chart's parts, each with its caption (all take the patient id as $1).</summary>
    public static IReadOnlyList<(string Caption, string Sql)> Chart { get; } =
    [
        ("Patient", """
            SELECT p.mrn, p.legal_first_name, p.legal_last_name, p.preferred_name, p.date_of_birth, p.sex_at_birth, p.gender_identity,
                   p.pronouns, p.phone, p.email, p.emergency_contact_name, p.emergency_contact_phone, p.referral_source, p.status, p.height_cm,
                   (SELECT u.display_name FROM users u WHERE u.id = p.primary_clinician_id LIMIT 1) AS clinician
            FROM patients p WHERE p.id = $1
            """),
        ("Weights", "SELECT w.measured_on, w.kg FROM weight_entries w WHERE w.patient_id = $1 ORDER BY w.measured_on DESC, w.recorded_at DESC LIMIT 10"),
        ("Screening", "SELECT s.version_number, s.result, s.reasons, s.created_at, s.signer_name, s.signer_credentials, s.signed_at FROM screenings s WHERE s.patient_id = $1 ORDER BY s.version_number DESC LIMIT 1"),
        ("Courses", """
            SELECT p.name, c.start_date, c.status, c.end_date, c.stop_reason, p.planned_preparation_sessions, p.planned_dosing_sessions, p.planned_integration_sessions
            FROM treatment_courses c JOIN protocols p ON p.id = c.protocol_id WHERE c.patient_id = $1 ORDER BY c.start_date DESC, c.created_at DESC
            """),
        ("Sessions", "SELECT n.kind, n.occurred_at, n.status, u.display_name FROM clinical_notes n JOIN users u ON u.id = n.author_id WHERE n.patient_id = $1 ORDER BY n.occurred_at, n.created_at"),
        ("Consents", "SELECT c.kind, c.route, c.document_name, c.document_version, c.signed_on, c.expires_on, c.patient_typed_name, c.witness_name FROM consents c WHERE c.patient_id = $1 ORDER BY c.signed_on DESC, c.recorded_at DESC"),
        ("Allergies", "SELECT a.substance, a.reaction, a.recorded_at FROM allergies a WHERE a.patient_id = $1 AND a.is_active ORDER BY a.substance"),
        ("Medications", "SELECT m.name, m.dose, m.class, m.recorded_at FROM medications m WHERE m.patient_id = $1 AND m.is_active ORDER BY m.name"),
        ("Diagnoses", "SELECT d.icd10code, d.description, d.recorded_at FROM diagnoses d WHERE d.patient_id = $1 AND d.is_active ORDER BY d.icd10code"),
        ("Latest measures", "SELECT DISTINCT ON (m.instrument) m.instrument, m.total, m.band, m.alerts, m.taken_at FROM measure_responses m WHERE m.patient_id = $1 ORDER BY m.instrument, m.taken_at DESC, m.entered_at DESC"),
        ("Risk", "SELECT i.risk_method, i.risk_level, n.occurred_at FROM integration_notes i JOIN clinical_notes n ON n.id = i.id WHERE n.patient_id = $1 AND n.status = 'Signed' ORDER BY n.occurred_at DESC LIMIT 1"),
    ];

    /// <summary>The dosing session page's parts (all take the session id as $1).</summary>
    public static IReadOnlyList<(string Caption, string Sql)> Session { get; } =
    [
        ("Patient", """
            SELECT p.mrn, p.legal_first_name, p.legal_last_name, p.preferred_name, p.date_of_birth, p.status,
                   (SELECT string_agg(a.substance, ', ') FROM allergies a WHERE a.patient_id = p.id AND a.is_active) AS allergies
            FROM clinical_notes n JOIN patients p ON p.id = n.patient_id WHERE n.id = $1
            """),
        ("Session", """
            SELECT n.occurred_at, n.status, n.signer_name, n.signed_at, pr.name, ds.drug, ds.route, ds.dose_min, ds.dose_max, ds.dose_unit,
                   ds.minimum_monitoring_minutes, ds.vitals_interval_minutes, ds.intention, ds.weight_kg, ds.pre_dose_systolic, ds.pre_dose_diastolic,
                   ds.pre_dose_heart_rate, ds.pre_dose_sp_o2, ds.discharged_at, ds.dose_withheld_reason, u.display_name AS author
            FROM clinical_notes n JOIN dosing_sessions ds ON ds.id = n.id JOIN protocols pr ON pr.id = ds.protocol_id JOIN users u ON u.id = n.author_id
            WHERE n.id = $1
            """),
        ("Doses", "SELECT a.sequence, a.drug, a.route, a.dose_mg, a.mg_per_kg, a.administered_at, a.lot_number, u.display_name FROM dose_administrations a JOIN users u ON u.id = a.given_by_id WHERE a.note_id = $1 ORDER BY a.sequence"),
        ("Readings", """
            SELECT r.taken_at, r.systolic, r.diastolic, r.heart_rate, r.sp_o2, r.respiratory_rate, r.moaas, r.dissociation, r.cadss6, r.nausea, r.comment, u.display_name
            FROM vitals_readings r JOIN users u ON u.id = r.recorded_by WHERE r.note_id = $1 ORDER BY r.taken_at
            """),
        ("Adverse events", "SELECT e.type, e.severity, e.onset_at, e.action_taken, e.resolved_at FROM adverse_events e WHERE e.note_id = $1 ORDER BY e.onset_at"),
        ("Overrides", "SELECT o.gate, o.finding, o.reason, o.prescriber_name, o.overridden_at FROM dosing_gate_overrides o WHERE o.note_id = $1 ORDER BY o.overridden_at"),
        ("Addenda", "SELECT a.text, a.signer_name, a.signed_at FROM note_addenda a WHERE a.note_id = $1 ORDER BY a.signed_at"),
        ("Co-signature", "SELECT c.signer_name, c.signer_credentials, c.signed_at FROM note_cosignatures c WHERE c.note_id = $1"),
    ];

    /// <summary>The same row the add-reading form inserts (without the app's audit row and checks).</summary>
    public const string InsertReading = """
        INSERT INTO vitals_readings (id, note_id, patient_id, taken_at, systolic, diastolic, heart_rate, sp_o2, respiratory_rate, moaas, recorded_by, recorded_at)
        SELECT $1, n.id, n.patient_id, $2, $3, $4, $5, $6, $7, $8, $9, now() FROM clinical_notes n WHERE n.id = $10
        """;
}
