using KapClinic.Core.Reports;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;
using KapClinic.Web.Tests.Patients;

namespace KapClinic.Web.Tests.Performance;

/// <summary>
/// The dosing session page, the add-reading POST and the dosing-vitals report preview send as many SQL commands for a
/// session with 3 readings as for one with 30 (no N+1). Counted with <see cref="SqlCountingFixture"/>.
/// </summary>
public sealed class DosingPagesQueryCountTests(SqlCountingFixture fixture) : IClassFixture<SqlCountingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_dosing_page_the_reading_post_and_the_vitals_report_cost_the_same_commands_for_3_and_for_30_readings()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);
        var few = await SessionWithReadingsAsync(seed, client, "Fewreadings", 3);
        var report = $"/Reports/{ReportKeys.DosingVitals}";
        await QueryCounts.ForGetAsync(fixture.Counter, client, few.Url); // warm up
        await QueryCounts.ForGetAsync(fixture.Counter, client, report);
        var fewPage = await QueryCounts.ForGetAsync(fixture.Counter, client, few.Url);
        var fewReport = await QueryCounts.ForGetAsync(fixture.Counter, client, report);
        var fewPost = await CountReadingPostAsync(few);

        var many = await SessionWithReadingsAsync(seed, client, "Manyreadings", 30);
        var manyPage = await QueryCounts.ForGetAsync(fixture.Counter, client, many.Url);
        var manyReport = await QueryCounts.ForGetAsync(fixture.Counter, client, report);
        var manyPost = await CountReadingPostAsync(many);

        Assert.Equal(fewPage, manyPage);
        Assert.Equal(fewReport, manyReport);
        Assert.Equal(fewPost, manyPost);
        // The session and its child lists (a split query: 7), the page's side reads in one statement (banner, protocol,
        // staff, names, C-SSRS, measures), the audit insert; session and settings come from the instance's cache.
        Assert.InRange(manyPage, 8, 10);
        Assert.InRange(manyReport, 3, 9);
        Assert.InRange(manyPost, 2, 6);
    }

    private async Task<DosedSession> SessionWithReadingsAsync(DosedSessionSeed seed, HttpClient client, string lastName, int readings)
    {
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, "Counted", lastName);
        var start = DateTimeOffset.UtcNow.AddHours(-4);
        var sessionId = await seed.StartAsync(patientId, courseId, start);
        await seed.ChecklistAsync(patientId, sessionId, start.AddMinutes(2));
        await seed.DoseAsync(patientId, sessionId, start.AddMinutes(5));
        for (var i = 0; i < readings; i++)
        {
            await seed.ReadingAsync(patientId, sessionId, start.AddMinutes(10 + (5 * i)), 120, 80);
        }

        return new DosedSession(patientId, courseId, sessionId, seed.ClinicianId, seed.PrescriberId, client);
    }

    private async Task<int> CountReadingPostAsync(DosedSession session)
    {
        var token = await HtmlForms.AntiforgeryTokenAsync(session.Client, session.Url);
        var fields = DosingData.ReadingFields(await DosingData.FieldAsync(App, DateTimeOffset.UtcNow.AddMinutes(-30)))
            .Append(new("__RequestVerificationToken", token));
        fixture.Counter.Reset();
        using var response = await session.Client.PostAsync($"{session.Url}?handler=Reading", new FormUrlEncodedContent(fields));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return fixture.Counter.Commands.Count;
    }
}
