namespace KapClinic.Core.Reports.Utilization;

/// <summary>
/// Appointments starting in the period, counted per clinician, per room and clinic-wide in one pass (GROUPING SETS):
/// all appointments, cancelled, no-shows, and the hours of those not cancelled. $1 start, $2 end (UTC, exclusive),
/// $3 clinician (null for all).
/// </summary>
internal static class UtilizationSql
{
    public const string Counts = """
        SELECT grouping(a.clinician_id)::int AS "NotByClinician", grouping(a.room_id)::int AS "NotByRoom",
               a.clinician_id AS "ClinicianId", a.room_id AS "RoomId",
               count(*)::int AS "Appointments",
               count(*) FILTER (WHERE a.status = 'Cancelled')::int AS "Cancelled",
               count(*) FILTER (WHERE a.status = 'NoShow')::int AS "NoShows",
               coalesce(sum(extract(epoch FROM a.ends_at - a.starts_at)) FILTER (WHERE a.status <> 'Cancelled'), 0)::numeric / 3600 AS "HoursBooked"
        FROM appointments a
        WHERE a.starts_at >= $1 AND a.starts_at < $2 AND ($3::uuid IS NULL OR a.clinician_id = $3::uuid)
        GROUP BY GROUPING SETS ((a.clinician_id), (a.room_id), ())
        """;
}
