using KapClinic.Core.Dosing;
using KapClinic.Core.Settings;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Dosing.DosingServiceData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The dosing thresholds as clinic settings in the database, and their effect on the gates (own database: it changes the settings).</summary>
public sealed class DosingThresholdSettingsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Inconsistent_thresholds_are_refused_and_nothing_is_saved()
    {
        var before = await ThresholdsAsync();

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => SaveAsync(before with { FlagSystolic = before.HoldSystolic + 1 }));

        Assert.StartsWith("The warning blood pressure must not be above the hold blood pressure.", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ThresholdsAsync());
    }

    [Fact]
    public async Task A_hold_lowered_to_150_95_turns_a_warning_into_a_hold_that_refuses_the_dose()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course, systolic: 150, diastolic: 95);
        await SaveAsync(DosingThresholds.Defaults);
        var warning = Assert.Single(await GatesAsync(course, sessionId));
        Assert.Equal(DosingGate.BloodPressureFlag, warning.Gate);

        var stricter = DosingThresholds.Defaults with { HoldSystolic = 150, HoldDiastolic = 95 };
        await SaveAsync(stricter);

        Assert.Equal(stricter, await ThresholdsAsync());
        var hold = Assert.Single(await GatesAsync(course, sessionId));
        Assert.Equal(DosingGate.BloodPressureHold, hold.Gate);
        Assert.Contains("hold threshold 150/95", hold.Message, StringComparison.Ordinal);
        var refusal = await Assert.ThrowsAsync<DosingGateException>(async () => await AdministerAsync(App, course, sessionId, await DoseAsync(App, course, sessionId)));
        Assert.Equal(DosingGate.BloodPressureHold, Assert.Single(refusal.Holds).Gate);
        await SaveAsync(DosingThresholds.Defaults);
    }

    private Task<IReadOnlyList<GateFinding>> GatesAsync(DosingCourse course, Guid sessionId) =>
        ServiceAsync<DosingSessionService, IReadOnlyList<GateFinding>>(App, s => s.GatesAsync(course.PatientId, sessionId, 50m));

    private Task<DosingThresholds> ThresholdsAsync() =>
        ServiceAsync<ClinicSettingsService, DosingThresholds>(App, async s => (await s.GetAsync()).Dosing);

    private Task SaveAsync(DosingThresholds thresholds) => QueryAsync(App, async db =>
    {
        var settings = await db.ClinicSettings.SingleOrDefaultAsync();
        if (settings is null)
        {
            settings = new ClinicSettings("KapClinic", ClinicSettings.DefaultTimeZoneId);
            db.ClinicSettings.Add(settings);
        }

        settings.SetDosingThresholds(thresholds);
        return await db.SaveChangesAsync();
    });
}
