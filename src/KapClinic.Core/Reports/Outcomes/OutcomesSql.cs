using KapClinic.Core.Measures;
using KapClinic.Core.Patients;

namespace KapClinic.Core.Reports.Outcomes;

/// <summary>
/// The outcomes SQL. One CTE chain gives every matching course its baseline and latest PHQ-9 and GAD-7 (LATERAL
/// subqueries, no N+1); the rows, the totals and the charts all read from it, so they agree. A course's measures
/// are those linked to it (measure_responses.course_id) plus the patient's unlinked ones taken in its period.
/// Baseline: the most recent response taken at or before the course start (the end of the start day in the
/// clinic's zone), else the first response of the course. Latest: the most recent response of the course taken
/// after the baseline; none means no follow-up, and the course is left out of the rates.
/// Parameters: $1 first start day, $2 last start day, $3/$4 protocol and whether to filter by it, $5/$6 patient
/// status, $7/$8 clinician (held a session of the course), $9 the clinic's IANA time zone.
/// </summary>
internal static class OutcomesSql
{
    private static readonly string Rated = $$"""
        WITH courses AS (
            SELECT c.id, c.start_date, c.status, c.patient_id, pt.mrn, pt.legal_first_name, pt.legal_last_name, pr.name AS protocol_name,
                   ((c.start_date + 1)::timestamp AT TIME ZONE $9) AS start_day_end,
                   CASE WHEN c.end_date IS NULL THEN 'infinity'::timestamptz ELSE ((c.end_date + 1)::timestamp AT TIME ZONE $9) END AS course_end
            FROM treatment_courses c
            JOIN patients pt ON pt.id = c.patient_id
            JOIN protocols pr ON pr.id = c.protocol_id
            WHERE c.start_date >= $1 AND c.start_date <= $2
              AND (NOT $4 OR c.protocol_id = $3)
              AND (NOT $6 OR pt.status = $5)
              AND (NOT $8 OR EXISTS (SELECT 1 FROM clinical_notes n WHERE n.course_id = c.id AND n.author_id = $7))
        ), measured AS (
            SELECT k.*, p9b.total AS phq9_baseline, p9l.total AS phq9_latest, g7b.total AS gad7_baseline, g7l.total AS gad7_latest
            FROM courses k
            {{Baseline(Instrument.Phq9, "p9b")}}
            {{Latest(Instrument.Phq9, "p9b", "p9l")}}
            {{Baseline(Instrument.Gad7, "g7b")}}
            {{Latest(Instrument.Gad7, "g7b", "g7l")}}
        ), rated AS (
            SELECT m.*,
                   m.phq9_latest - m.phq9_baseline AS phq9_change,
                   CASE WHEN m.phq9_baseline > 0 THEN round((m.phq9_latest - m.phq9_baseline) * 100 / m.phq9_baseline, 1) END AS phq9_percent,
                   CASE WHEN m.phq9_latest IS NOT NULL THEN m.phq9_baseline > 0 AND m.phq9_latest * 2 <= m.phq9_baseline END AS phq9_response,
                   CASE WHEN m.phq9_latest IS NOT NULL THEN m.phq9_latest < {{OutcomeRules.Phq9RemissionBelow}} END AS phq9_remission,
                   m.gad7_latest - m.gad7_baseline AS gad7_change,
                   CASE WHEN m.gad7_baseline > 0 THEN round((m.gad7_latest - m.gad7_baseline) * 100 / m.gad7_baseline, 1) END AS gad7_percent,
                   CASE WHEN m.gad7_latest IS NOT NULL THEN m.gad7_baseline > 0 AND m.gad7_latest * 2 <= m.gad7_baseline END AS gad7_response
            FROM measured m
        )
        """;

    /// <summary>The rates of a group of rated courses (r), as percentages with one decimal; null when none has a follow-up.</summary>
    private const string Rates = """
        count(r.id) AS "Courses",
        count(r.phq9_latest) AS "Phq9FollowedUp",
        count(*) FILTER (WHERE r.phq9_response) AS "Phq9Responders",
        count(*) FILTER (WHERE r.phq9_remission) AS "Phq9Remitters",
        count(r.gad7_latest) AS "Gad7FollowedUp",
        count(*) FILTER (WHERE r.gad7_response) AS "Gad7Responders",
        round(100.0 * count(*) FILTER (WHERE r.phq9_response) / nullif(count(r.phq9_latest), 0), 1) AS "Phq9ResponseRate",
        round(100.0 * count(*) FILTER (WHERE r.phq9_remission) / nullif(count(r.phq9_latest), 0), 1) AS "Phq9RemissionRate",
        round(100.0 * count(*) FILTER (WHERE r.gad7_response) / nullif(count(r.gad7_latest), 0), 1) AS "Gad7ResponseRate"
        """;

    public static readonly string Rows = Rated + """
        SELECT r.id AS "CourseId", r.mrn AS "Mrn", r.legal_first_name AS "FirstName", r.legal_last_name AS "LastName",
               r.protocol_name AS "Protocol", r.start_date AS "StartDate", r.status AS "Status",
               r.phq9_baseline, r.phq9_latest, r.phq9_change, r.phq9_percent, r.phq9_response, r.phq9_remission,
               r.gad7_baseline, r.gad7_latest, r.gad7_change, r.gad7_percent, r.gad7_response
        FROM rated r
        ORDER BY r.start_date, r.mrn, r.id
        """;

    public static readonly string Totals = Rated + $"SELECT 'All' AS \"Category\", {Rates} FROM rated r";

    public static readonly string ByProtocol = Rated + $"""
        SELECT r.protocol_name AS "Category", {Rates}
        FROM rated r
        GROUP BY r.protocol_name
        ORDER BY r.protocol_name
        """;

    /// <summary>Every month from the first course start to the last, empty months included (their rates are gaps).</summary>
    public static readonly string ByMonth = Rated + $"""
        , months AS (
            SELECT generate_series(date_trunc('month', min(start_date)::timestamp), date_trunc('month', max(start_date)::timestamp), interval '1 month') AS month
            FROM rated
        )
        SELECT to_char(mo.month, 'YYYY-MM') AS "Category", {Rates}
        FROM months mo
        LEFT JOIN rated r ON date_trunc('month', r.start_date::timestamp) = mo.month
        GROUP BY mo.month
        ORDER BY mo.month
        """;

    public static IReadOnlyList<object> Parameters(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filter = context.Filter;
        return
        [
            filter.From ?? DateOnly.MinValue, filter.To ?? DateOnly.MaxValue,
            filter.ProtocolId ?? Guid.Empty, filter.ProtocolId is not null,
            filter.PatientStatus?.ToString() ?? nameof(PatientStatus.Active), filter.PatientStatus is not null,
            filter.ClinicianId ?? Guid.Empty, filter.ClinicianId is not null,
            context.Clinic.TimeZoneId,
        ];
    }

    private static string Baseline(Instrument instrument, string alias) => $"""
        LEFT JOIN LATERAL (
                SELECT mr.total, mr.taken_at FROM measure_responses mr
                WHERE mr.patient_id = k.patient_id AND mr.instrument = '{instrument}'
                  AND (mr.course_id = k.id OR (mr.course_id IS NULL AND mr.taken_at < k.start_day_end))
                ORDER BY (mr.taken_at < k.start_day_end) DESC,
                         CASE WHEN mr.taken_at < k.start_day_end THEN mr.taken_at END DESC,
                         mr.taken_at, mr.id
                LIMIT 1) {alias} ON true
        """;

    private static string Latest(Instrument instrument, string baseline, string alias) => $"""
        LEFT JOIN LATERAL (
                SELECT mr.total FROM measure_responses mr
                WHERE mr.patient_id = k.patient_id AND mr.instrument = '{instrument}' AND mr.taken_at > {baseline}.taken_at
                  AND (mr.course_id = k.id OR (mr.course_id IS NULL AND mr.taken_at >= k.start_day_end AND mr.taken_at < k.course_end))
                ORDER BY mr.taken_at DESC, mr.id DESC
                LIMIT 1) {alias} ON true
        """;
}
