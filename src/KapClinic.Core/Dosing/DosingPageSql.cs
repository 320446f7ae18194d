using KapClinic.Core.Users;

namespace KapClinic.Core.Dosing;

/// <summary>
/// What the dosing session page shows beside the session itself, as one JSON document (<see cref="DosingPageRows"/>)
/// built in one statement: the patient banner, the protocol's name, the active clinicians (to choose from), the
/// names of everyone the record mentions, the pre-dose C-SSRS and the measures taken around the session.
/// Parameters: @patient, @session, @from and @to (the measures' window).
/// </summary>
internal static class DosingPageSql
{
    /// <summary>"Name, credentials" (or the name alone), as the page shows staff.</summary>
    private const string NameWithCredentials = "CASE WHEN u.credentials IS NULL THEN u.display_name ELSE u.display_name || ', ' || u.credentials END";

    public const string Query = $$"""
        SELECT json_build_object(
          'patient', (SELECT json_build_object('legal_first_name', p.legal_first_name, 'legal_last_name', p.legal_last_name,
                  'preferred_name', p.preferred_name, 'mrn', p.mrn, 'status', p.status, 'is_archived', p.is_archived)
              FROM patients p WHERE p.id = @patient),
          'protocol_name', (SELECT pr.name FROM dosing_sessions ds JOIN protocols pr ON pr.id = ds.protocol_id WHERE ds.id = @session),
          'staff', (SELECT coalesce(json_agg(x ORDER BY x.display_name), '[]') FROM (
              SELECT u.id, u.display_name, u.is_prescriber,
                     {{NameWithCredentials}} AS name
              FROM users u
              WHERE NOT u.is_disabled AND EXISTS (
                  SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = '{{ClinicRoles.Clinician}}')) x),
          'mentioned', (SELECT coalesce(json_agg(x), '[]') FROM (
              SELECT u.id, {{NameWithCredentials}} AS name
              FROM users u
              WHERE u.id IN (
                  SELECT a.given_by_id FROM dose_administrations a WHERE a.note_id = @session
                  UNION SELECT a.prescriber_id FROM dose_administrations a WHERE a.note_id = @session
                  UNION SELECT r.recorded_by FROM vitals_readings r WHERE r.note_id = @session
                  UNION SELECT e.recorded_by FROM adverse_events e WHERE e.note_id = @session
                  UNION SELECT n.author_id FROM clinical_notes n WHERE n.id = @session
                  UNION SELECT ds.prescriber_id FROM dosing_sessions ds WHERE ds.id = @session)) x),
          'cssrs', (SELECT json_build_object('id', m.id, 'taken_at', m.taken_at, 'alerts', m.alerts)
              FROM dosing_sessions ds JOIN measure_responses m ON m.id = ds.pre_dose_cssrs_measure_id WHERE ds.id = @session),
          'measures', (SELECT coalesce(json_agg(x ORDER BY x.taken_at), '[]') FROM (
              SELECT m.id, m.instrument, m.total, m.band, m.taken_at FROM measure_responses m
              WHERE m.patient_id = @patient AND m.taken_at >= @from AND m.taken_at <= @to) x)
        )::text AS "Value"
        """;
}
