using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Dosing.DosingServiceData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The checklist's C-SSRS pick-up and what happens when two people change one session at once.</summary>
public sealed class DosingSessionConcurrencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_checklist_links_the_latest_cssrs_taken_within_12_hours_before_the_start()
    {
        var course = await CourseAsync(App);
        await CssrsAsync(App, course.PatientId, RiskLevel.Low, minutesAgo: 30 + (13 * 60));
        var sessionId = await StartAsync(App, course);
        await SaveChecklistAsync(course, sessionId);

        var missing = Assert.Single(await GatesAsync(course, sessionId));
        Assert.Equal("The pre-dose checklist is incomplete: pre-dose C-SSRS screener.", missing.Message);

        await CssrsAsync(App, course.PatientId, RiskLevel.High, minutesAgo: 40);
        await SaveChecklistAsync(course, sessionId);

        var session = await LoadAsync(App, sessionId);
        Assert.Equal(RiskLevel.High, session.PreDoseCssrsRisk);
        Assert.Equal(DosingGate.SuicideRiskHigh, Assert.Single(await GatesAsync(course, sessionId)).Gate);
    }

    [Fact]
    public async Task A_checklist_saved_over_a_newer_version_is_a_conflict_and_keeps_the_newer_one()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course);
        var stale = await VersionAsync(App, sessionId);
        await ServiceAsync<DosingSessionService>(App, s => s.SaveChecklistAsync(course.PatientId, sessionId, Checklist(stale, systolic: 134)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            ServiceAsync<DosingSessionService>(App, s => s.SaveChecklistAsync(course.PatientId, sessionId, Checklist(stale, systolic: 150))));

        Assert.Equal(134, (await LoadAsync(App, sessionId)).PreDoseSystolic);
    }

    [Fact]
    public async Task Two_doses_recorded_at_the_same_moment_save_one_and_tell_the_other_to_reload()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course);
        var input = await DoseAsync(App, course, sessionId);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await AdministerAsync(App, course, sessionId, input);
                return null;
            }
            catch (ConcurrencyConflictException ex)
            {
                return ex;
            }
        }));

        Assert.Single(results, r => r is null);
        Assert.StartsWith("Someone changed this session after you opened the dose form", Assert.Single(results, r => r is not null)!.Message, StringComparison.Ordinal);
        Assert.Single((await LoadAsync(App, sessionId)).Administrations);
    }

    [Fact]
    public async Task A_dose_posted_from_a_form_opened_before_another_dose_was_recorded_is_a_conflict()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course);
        var first = await DoseAsync(App, course, sessionId);
        var second = await DoseAsync(App, course, sessionId);
        await AdministerAsync(App, course, sessionId, first);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AdministerAsync(App, course, sessionId, second, course.PrescriberId));

        Assert.Equal("Someone changed this session after you opened the dose form (a dose or the checklist may have been recorded). Reload the session to see it before giving a dose.", conflict.Message);
        Assert.Equal(50m, Assert.Single((await LoadAsync(App, sessionId)).Administrations).DoseMg);
        var reloaded = await DoseAsync(App, course, sessionId);
        reloaded.DoseMg = 20m;
        await AdministerAsync(App, course, sessionId, reloaded);
        Assert.Equal(70m, (await LoadAsync(App, sessionId)).TotalDoseMg);
    }

    private async Task SaveChecklistAsync(DosingCourse course, Guid sessionId)
    {
        var checklist = Checklist(await VersionAsync(App, sessionId));
        await ServiceAsync<DosingSessionService>(App, s => s.SaveChecklistAsync(course.PatientId, sessionId, checklist));
    }

    private Task<IReadOnlyList<GateFinding>> GatesAsync(DosingCourse course, Guid sessionId) =>
        ServiceAsync<DosingSessionService, IReadOnlyList<GateFinding>>(App, s => s.GatesAsync(course.PatientId, sessionId, 50m));
}
