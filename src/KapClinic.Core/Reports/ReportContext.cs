using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;

namespace KapClinic.Core.Reports;

/// <summary>
/// Everything a report needs to run once: the validated filter, the requester, the clinic (name, time zone), the
/// period as UTC instants (whole days in the clinic's zone; null when the report has no date range) and "now".
/// </summary>
public sealed record ReportContext(ReportFilter Filter, ReportRequester Requester, ClinicSettings Clinic, DateTimeOffset Now)
{
    /// <summary>The filters in words for headings ("Period: 2026-01-01 to 2026-03-31", "Clinician: Dr. ...").</summary>
    public IReadOnlyList<string> FilterLines { get; init; } = [];

    public TimeZoneInfo Zone => Clinic.TimeZone;

    /// <summary>The first instant of the From day in the clinic's zone, as UTC.</summary>
    public DateTimeOffset? FromUtc => Filter.From is { } from ? ClinicTimes.ToUtc(from, TimeOnly.MinValue, Zone) : null;

    /// <summary>The first instant after the To day in the clinic's zone, as UTC (exclusive end).</summary>
    public DateTimeOffset? ToUtcExclusive => Filter.To is { } to ? ClinicTimes.ToUtc(to.AddDays(1), TimeOnly.MinValue, Zone) : null;
}
