namespace KapClinic.Core.Scheduling;

/// <summary>
/// How long each kind of appointment usually lasts. A dosing session is the protocol's minimum monitoring after the
/// dose plus an hour for check-in, pre-dose checks and the dose itself, kept between 2 and 3 hours (CLINICAL.md:
/// sessions of 2.5-3 h; esketamine's 120-minute REMS monitoring gives 3 h).
/// </summary>
public static class AppointmentDurations
{
    public const int PreparationMinutes = 60;
    public const int IntegrationMinutes = 60;
    public const int ConsultMinutes = 30;
    public const int DosingOverheadMinutes = 60;
    public const int DosingMinimumMinutes = 120;
    public const int DosingMaximumMinutes = 180;

    /// <summary>A dosing session's length from the protocol's minimum monitoring minutes.</summary>
    public static int DosingMinutes(int minimumMonitoringMinutes) =>
        Math.Clamp(minimumMonitoringMinutes + DosingOverheadMinutes, DosingMinimumMinutes, DosingMaximumMinutes);

    /// <summary>The usual length in minutes; for dosing without a protocol, the shortest dosing session.</summary>
    public static int DefaultMinutes(AppointmentType type, int? minimumMonitoringMinutes = null) => type switch
    {
        AppointmentType.Preparation => PreparationMinutes,
        AppointmentType.Integration => IntegrationMinutes,
        AppointmentType.Consult => ConsultMinutes,
        AppointmentType.Dosing => minimumMonitoringMinutes is { } minutes ? DosingMinutes(minutes) : DosingMinimumMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown appointment type."),
    };

    public static TimeSpan Default(AppointmentType type, int? minimumMonitoringMinutes = null) =>
        TimeSpan.FromMinutes(DefaultMinutes(type, minimumMonitoringMinutes));
}
