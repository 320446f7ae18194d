using KapClinic.Core.Settings;

namespace KapClinic.Core.Tests.Settings;

public sealed class ClinicSettingsTests
{
    [Fact]
    public void Unknown_time_zone_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ClinicSettings("Clinic", "Mars/Olympus_Mons"));
        Assert.False(new ClinicSettingsInputValidator().Validate(new ClinicSettingsInput { ClinicName = "C", TimeZoneId = "Nowhere/Town" }).IsValid);
    }

    [Fact]
    public void Converts_utc_to_clinic_time_across_a_daylight_saving_change()
    {
        var settings = new ClinicSettings("Clinic", "America/New_York");

        // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT.
        var beforeChange = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 3, 8, 6, 30, 0, TimeSpan.Zero), settings.TimeZone);
        var afterChange = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), settings.TimeZone);

        Assert.Equal(new DateTime(2026, 3, 8, 1, 30, 0), beforeChange.DateTime);
        Assert.Equal(TimeSpan.FromHours(-5), beforeChange.Offset);
        Assert.Equal(new DateTime(2026, 3, 8, 3, 30, 0), afterChange.DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), afterChange.Offset);
    }

    [Fact]
    public void Clinic_name_is_required_and_bounded()
    {
        var validator = new ClinicSettingsInputValidator();

        Assert.False(validator.Validate(new ClinicSettingsInput { ClinicName = "", TimeZoneId = "UTC" }).IsValid);
        Assert.False(validator.Validate(new ClinicSettingsInput { ClinicName = new string('c', 101), TimeZoneId = "UTC" }).IsValid);
        Assert.True(validator.Validate(new ClinicSettingsInput { ClinicName = "Lakeside", TimeZoneId = "America/Denver" }).IsValid);
    }

    [Fact]
    public void Drafts_become_overdue_after_72_hours_unless_an_admin_sets_1_to_720()
    {
        var settings = new ClinicSettings("Clinic", "UTC");
        Assert.Equal(72, settings.DraftOverdueHours);

        settings.SetDraftOverdueHours(24);

        Assert.Equal(24, settings.DraftOverdueHours);
        Assert.Throws<ArgumentOutOfRangeException>(() => settings.SetDraftOverdueHours(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => settings.SetDraftOverdueHours(721));
        Assert.False(new ClinicSettingsInputValidator().Validate(new ClinicSettingsInput { ClinicName = "C", TimeZoneId = "UTC", DraftOverdueHours = 0 }).IsValid);
    }
}
