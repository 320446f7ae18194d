namespace KapClinic.Core.Reports.Rems;

/// <summary>
/// Dosed esketamine sessions in the period (the sessions the REMS due list follows) with their submission, if any.
/// $1 start, $2 end (UTC, exclusive); for the totals $3 is the first instant of the earliest session day whose form
/// is not yet overdue.
/// </summary>
internal static class RemsReportSql
{
    private const string From = """
        FROM dosing_sessions ds
        JOIN clinical_notes n ON n.id = ds.id
        JOIN patients p ON p.id = n.patient_id
        LEFT JOIN rems_submissions r ON r.session_id = ds.id
        LEFT JOIN users u ON u.id = r.recorded_by
        WHERE ds.drug = 'Esketamine' AND EXISTS (SELECT 1 FROM dose_administrations a WHERE a.note_id = ds.id)
          AND n.occurred_at >= $1 AND n.occurred_at < $2
        """;

    public const string Rows = $"""
        SELECT n.occurred_at AS "OccurredAt", p.mrn AS "Mrn", p.legal_first_name AS "FirstName", p.legal_last_name AS "LastName",
               r.submitted_on AS "SubmittedOn", r.confirmation_number AS "ConfirmationNumber", u.display_name AS "SubmittedBy"
        {From}
        ORDER BY n.occurred_at, ds.id
        """;

    public const string Totals = $"""
        SELECT count(*) FILTER (WHERE r.session_id IS NULL AND n.occurred_at >= $3)::int AS "Due",
               count(*) FILTER (WHERE r.session_id IS NULL AND n.occurred_at < $3)::int AS "Overdue",
               count(r.session_id)::int AS "Submitted"
        {From}
        """;
}
