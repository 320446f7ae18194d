using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// One row of the monitoring timeline: the pre-dose vitals first, then readings and dose events in time order
/// (a dose or an infusion's end is a marker row between the readings it falls among).
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, VitalsReading? Reading, string? Marker, IReadOnlyList<ReadingAlert> Alerts)
{
    public bool IsAlert => Alerts.Count > 0;

    public static IReadOnlyList<TimelineEntry> For(DosingSessionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var session = details.Session;
        var entries = session.Readings
            .Select(r => new TimelineEntry(r.TakenAt, r, null, details.AlertsByReading.TryGetValue(r.Id, out var alerts) ? alerts : []))
            .ToList();
        foreach (var dose in session.Administrations)
        {
            var what = dose.DeviceCount is { } devices
                ? $"{MonitorText.Number(dose.DoseMg)} mg ({devices} device{(devices == 1 ? string.Empty : "s")})"
                : $"{MonitorText.Number(dose.DoseMg)} mg";
            var verb = dose.IsInfusion ? "infusion started" : "given";
            entries.Add(new(dose.AdministeredAt, null, $"Dose {dose.Sequence}: {what} {ProtocolText.Route(dose.Route)} {verb}", []));
            if (dose.InfusionEndAt is { } end)
            {
                entries.Add(new(end, null, $"Dose {dose.Sequence}: infusion ended", []));
            }
        }

        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Reading is null ? 0 : 1)];
    }

    /// <summary>"12" minutes after the first dose, "before dose", or a dash when no dose is recorded.</summary>
    public string MinutesSinceDose(DateTimeOffset? firstDoseAt) => firstDoseAt is not { } first ? "–"
        : At < first ? "before dose"
        : ((int)Math.Floor((At - first).TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
