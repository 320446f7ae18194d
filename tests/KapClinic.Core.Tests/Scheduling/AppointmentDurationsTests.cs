using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class AppointmentDurationsTests
{
    [Theory]
    [InlineData(AppointmentType.Preparation, 60)]
    [InlineData(AppointmentType.Integration, 60)]
    [InlineData(AppointmentType.Consult, 30)]
    public void Non_dosing_sessions_have_fixed_lengths(AppointmentType type, int minutes) =>
        Assert.Equal(minutes, AppointmentDurations.DefaultMinutes(type));

    [Theory]
    [InlineData(30, 120)] // 30 + 60 = 90, raised to the 2-hour minimum
    [InlineData(60, 120)] // ketamine default: 60 min monitoring
    [InlineData(90, 150)]
    [InlineData(120, 180)] // esketamine REMS: 120 min monitoring
    [InlineData(240, 180)] // capped at 3 hours
    public void A_dosing_session_is_the_monitoring_plus_an_hour_kept_between_two_and_three_hours(int monitoring, int expected)
    {
        Assert.Equal(expected, AppointmentDurations.DosingMinutes(monitoring));
        Assert.Equal(TimeSpan.FromMinutes(expected), AppointmentDurations.Default(AppointmentType.Dosing, monitoring));
    }

    [Fact]
    public void Dosing_without_a_protocol_takes_the_shortest_dosing_session() =>
        Assert.Equal(120, AppointmentDurations.DefaultMinutes(AppointmentType.Dosing));
}
