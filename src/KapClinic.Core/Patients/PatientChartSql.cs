namespace KapClinic.Core.Patients;

/// <summary>
/// The chart's parts as one JSON document (<see cref="PatientChartRows"/>), built by PostgreSQL in one statement:
/// the patient, the latest weights, the latest screening, the courses with their sessions, consents, active allergies,
/// medications and diagnoses, the latest result per measure, every measure's points (the trend charts) and the latest
/// signed integration risk check.
/// </summary>
internal static class PatientChartSql
{
    public static readonly string Query = $$"""
        SELECT json_build_object(
          'patient', (SELECT json_build_object(
              'id', p.id, 'mrn', p.mrn, 'legal_first_name', p.legal_first_name, 'legal_last_name', p.legal_last_name,
              'preferred_name', p.preferred_name, 'date_of_birth', p.date_of_birth, 'sex_at_birth', p.sex_at_birth,
              'gender_identity', p.gender_identity, 'pronouns', p.pronouns, 'phone', p.phone, 'email', p.email,
              'emergency_contact', json_build_object('name', p.emergency_contact_name,
                  'relationship', p.emergency_contact_relationship, 'phone', p.emergency_contact_phone),
              'referral_source', p.referral_source, 'status', p.status, 'is_archived', p.is_archived, 'height_cm', p.height_cm,
              'clinician', (SELECT u.display_name FROM users u WHERE u.id = p.primary_clinician_id))
            FROM patients p WHERE p.id = @patient),
          'weights', (SELECT coalesce(json_agg(w ORDER BY w.measured_on DESC, w.recorded_at DESC), '[]') FROM (
              SELECT id, measured_on, kg, recorded_at FROM weight_entries WHERE patient_id = @patient
              ORDER BY measured_on DESC, recorded_at DESC LIMIT {{PatientChartService.WeightsShown}}) w),
          'screening', (SELECT row_to_json(s) FROM (
              SELECT version_number, result, reasons, created_at, signer_name, signer_credentials, signed_at
              FROM screenings WHERE patient_id = @patient ORDER BY version_number DESC LIMIT 1) s),
          'courses', (SELECT coalesce(json_agg(c ORDER BY c.start_date DESC, c.created_at DESC), '[]') FROM (
              SELECT t.id, pr.name, t.start_date, t.status, t.end_date, t.stop_reason, t.created_at,
                     pr.planned_preparation_sessions, pr.planned_dosing_sessions, pr.planned_integration_sessions
              FROM treatment_courses t JOIN protocols pr ON pr.id = t.protocol_id WHERE t.patient_id = @patient) c),
          'sessions', (SELECT coalesce(json_agg(s ORDER BY s.occurred_at, s.created_at), '[]') FROM (
              SELECT n.id, n.patient_id, n.course_id, n.kind, n.occurred_at, n.status, u.display_name AS clinician_name, n.created_at
              FROM clinical_notes n JOIN users u ON u.id = n.author_id WHERE n.patient_id = @patient) s),
          'consents', (SELECT coalesce(json_agg(c ORDER BY c.signed_on DESC, c.recorded_at DESC), '[]') FROM (
              SELECT id, kind, route, document_name, document_version, signed_on, expires_on, patient_typed_name, witness_name, recorded_at
              FROM consents WHERE patient_id = @patient) c),
          'allergies', (SELECT coalesce(json_agg(a ORDER BY a.substance), '[]') FROM (
              SELECT id, substance, reaction, recorded_at FROM allergies WHERE patient_id = @patient AND is_active) a),
          'medications', (SELECT coalesce(json_agg(m ORDER BY m.name), '[]') FROM (
              SELECT id, name, dose, class, recorded_at FROM medications WHERE patient_id = @patient AND is_active) m),
          'diagnoses', (SELECT coalesce(json_agg(d ORDER BY d.icd10_code), '[]') FROM (
              SELECT id, icd10code AS icd10_code, description, recorded_at FROM diagnoses WHERE patient_id = @patient AND is_active) d),
          'measures', (SELECT coalesce(json_agg(m), '[]') FROM (
              SELECT DISTINCT ON (instrument) instrument, total, band, alerts, taken_at
              FROM measure_responses WHERE patient_id = @patient ORDER BY instrument, taken_at DESC, entered_at DESC) m),
          'trend_points', (SELECT coalesce(json_agg(m ORDER BY m.taken_at), '[]') FROM (
              SELECT instrument, id, taken_at, total, band FROM measure_responses WHERE patient_id = @patient) m),
          'risk', (SELECT row_to_json(r) FROM (
              SELECT i.risk_method, i.risk_level, n.occurred_at
              FROM integration_notes i JOIN clinical_notes n ON n.id = i.id
              WHERE n.patient_id = @patient AND n.status = 'Signed' ORDER BY n.occurred_at DESC LIMIT 1) r)
        )::text AS "Value"
        """;
}
