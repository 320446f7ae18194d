using KapClinic.Core.Dosing.Dashboard;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The clinician's dashboard lists today's unsigned dosing sessions with a late reading flagged, in a fixed number of SQL commands.</summary>
public sealed class DosingDashboardTests(DosingRecordsFixture fixture) : IClassFixture<DosingRecordsFixture>
{
    private static readonly DateTimeOffset Now = DosingRecordsFixture.Now;

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Todays_sessions_in_progress_show_with_minutes_since_the_dose_and_an_overdue_reading_flag_in_a_fixed_number_of_commands()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);

        // Esketamine: dosed 60 min ago, last blood pressure at +5 min, so the next (every 40 min) was due 15 min ago;
        // a later row with only an SpO2 is not the vitals check that was due and does not reset the clock.
        var (latePatient, lateCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Lena", "Latereading");
        var late = await seed.StartAsync(latePatient, lateCourse, Now.AddMinutes(-75));
        await seed.ChecklistAsync(latePatient, late, Now.AddMinutes(-70));
        await seed.DoseAsync(latePatient, late, Now.AddMinutes(-60));
        await seed.ReadingAsync(latePatient, late, Now.AddMinutes(-55), 134, 84);
        await seed.ReadingAsync(latePatient, late, Now.AddMinutes(-10), null, null, spO2: 97);
        var (checkPatient, checkCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Chloe", "Checklist");
        await seed.StartAsync(checkPatient, checkCourse, Now.AddMinutes(-10));
        var (signedPatient, signedCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Sigrid", "Signedtoday");
        await seed.EsketamineSessionAsync(signedPatient, signedCourse, Now.AddHours(-3));
        var (yesterdayPatient, yesterdayCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Yuri", "Yesterday");
        await seed.EsketamineSessionAsync(yesterdayPatient, yesterdayCourse, Now.AddDays(-1), sign: false);

        await CountTodayAsync(); // warm up: the clinic settings are cached after their first read
        var firstCount = await CountTodayAsync();
        var dashboard = await GetDocumentAsync(client, "/");

        var rows = dashboard.QuerySelectorAll("[data-testid=dosing-today] tbody tr")
            .Select(r => string.Join(' ', r.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Lena Latereading · " + Mrn(dashboard, late) + " Test Clinician Monitoring 60 min 10:45 Reading overdue", rows[0]);
        Assert.StartsWith("Chloe Checklist", rows[1], StringComparison.Ordinal);
        Assert.Contains("Checklist — —", rows[1], StringComparison.Ordinal);
        Assert.Contains("table-danger", dashboard.QuerySelector($"[data-session='{late}']")!.ClassName, StringComparison.Ordinal);
        Assert.NotNull(dashboard.QuerySelector($"a[href='/Patients/{latePatient}/Dosing/{late}']"));
        Assert.Contains("1 reading overdue", dashboard.QuerySelector("#dosing-today-heading")!.TextContent, StringComparison.Ordinal);

        // Twice the sessions, the same number of commands.
        for (var i = 0; i < 2; i++)
        {
            var (p, c) = await DosedSessionSeed.PatientWithCourseAsync(App, "More", $"Patient{i}");
            var s = await seed.StartAsync(p, c, Now.AddMinutes(-50));
            await seed.ChecklistAsync(p, s, Now.AddMinutes(-45));
            await seed.DoseAsync(p, s, Now.AddMinutes(-30));
            await seed.ReadingAsync(p, s, Now.AddMinutes(-20), 128, 80);
        }

        Assert.Equal(firstCount, await CountTodayAsync());
        Assert.Equal(4, firstCount);
    }

    private static string Mrn(AngleSharp.Html.Dom.IHtmlDocument page, Guid sessionId) =>
        page.QuerySelector($"[data-session='{sessionId}'] td .text-muted")!.TextContent.Trim().TrimStart('·', ' ');

    private async Task<int> CountTodayAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<DosingDashboardQueries>();
        fixture.Counter.Reset();
        var items = await queries.TodayAsync();
        Assert.NotEmpty(items);
        return fixture.Counter.Commands.Count;
    }
}
