using System.Globalization;
using System.Net;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing.Rems;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>Forms due and overdue by the clinic's calendar, and "Mark as submitted": once, dated from the session to today, signed esketamine only.</summary>
public sealed class RemsSubmissionTests(DosingRecordsFixture fixture) : IClassFixture<DosingRecordsFixture>
{
    private static readonly DateTimeOffset Now = DosingRecordsFixture.Now;

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_list_and_the_dashboard_show_forms_due_overdue_and_recently_submitted()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);
        var overdue = await SessionAsync(seed, "Olive", "Overdue", Now.AddDays(-10));
        var due = await SessionAsync(seed, "Dora", "Duesoon", Now.AddDays(-3));
        var unsigned = await SessionAsync(seed, "Uma", "Unsigned", Now.AddDays(-1), sign: false);
        var submitted = await SessionAsync(seed, "Sid", "Submitted", Now.AddDays(-12));
        await MarkAsync(submitted, DosingRecordsFixture.Today.AddDays(-4), "SPRV-77812");
        var (ketaminePatient, ketamineCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Kim", "Ketamine", DefaultProtocols.SublingualKapId);
        var ketamine = await seed.StartAsync(ketaminePatient, ketamineCourse, Now.AddDays(-2));
        await seed.DoseAsync(ketaminePatient, ketamine, Now.AddDays(-2).AddMinutes(15), route: AdministrationRoute.Sublingual, doseMg: 200, lot: "KET-9");
        foreach (var name in new[] { "Ann", "Ben", "Cy" })
        {
            await SessionAsync(seed, name, "Later", Now.AddDays(-1));
        }

        var list = await WithRemsAsync(q => q.RemsDueAsync());
        var page = await GetDocumentAsync(client, "/Dosing/Rems");
        var dashboard = await GetDocumentAsync(client, "/");

        var open = list.Open.Where(i => i.SessionId == overdue.SessionId || i.SessionId == due.SessionId || i.SessionId == unsigned.SessionId).ToList();
        Assert.Equal([overdue.SessionId, due.SessionId, unsigned.SessionId], open.Select(i => i.SessionId));
        Assert.Equal((new DateOnly(2026, 11, 15), true, -3, "Overdue by 3 days"), (open[0].DueOn, open[0].IsOverdue, open[0].DaysLeft, open[0].StatusText));
        Assert.Equal((new DateOnly(2026, 11, 22), false, 4, "Due in 4 days"), (open[1].DueOn, open[1].IsOverdue, open[1].DaysLeft, open[1].StatusText));
        Assert.False(open[2].IsSessionSigned);
        Assert.DoesNotContain(list.Open, i => i.SessionId == ketamine || i.SessionId == submitted.SessionId);
        var recent = Assert.Single(list.RecentlySubmitted, i => i.SessionId == submitted.SessionId);
        Assert.Equal(("SPRV-77812", true), (recent.ConfirmationNumber, recent.WasLate));

        Assert.Contains("Olive Overdue", page.QuerySelector("[data-testid=rems-overdue]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dora Duesoon", page.QuerySelector("[data-testid=rems-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not signed", page.QuerySelector("[data-testid=rems-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("SPRV-77812", page.QuerySelector("[data-testid=rems-submitted]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Ketamine", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/Patients/{overdue.PatientId}/Dosing/{overdue.SessionId}/Rems']"));

        var card = dashboard.QuerySelector("[data-testid=rems-card]")!;
        Assert.Equal($"{list.OverdueCount} overdue {list.DueCount} due", string.Join(' ', card.QuerySelector("[data-testid=rems-counts]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var named = card.QuerySelectorAll("[data-testid=rems-open] li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(6, named.Count);
        Assert.Contains("Olive Overdue, due Sun 15 Nov · Overdue by 3 days", named);
        Assert.Contains("Dora Duesoon, due Sun 22 Nov · Due in 4 days", named);
        Assert.Equal($"and {list.Open.Count - 5} more", named[^1]);
        Assert.True(list.Open.Count > 5);
        Assert.Contains("border-danger", page.QuerySelector("[data-testid=rems-overdue]")!.ClassName, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("a[href='/Dosing/Rems']"));
    }

    [Fact]
    public async Task Marking_submitted_is_refused_before_the_session_day_or_in_the_future_then_saved_once_and_audited()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);
        var (patientId, sessionId) = await SessionAsync(seed, "Mara", "Marked", Now.AddDays(-4));
        var url = $"/Patients/{patientId}/Dosing/{sessionId}/Rems";

        var before = await PostAsync(client, url, DosingRecordsFixture.Today.AddDays(-5), "SPRV-1001");
        var future = await PostAsync(client, url, DosingRecordsFixture.Today.AddDays(1), "SPRV-1001");
        var blank = await PostAsync(client, url, DosingRecordsFixture.Today, " ");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var beforeHtml = WebUtility.HtmlDecode(await before.Content.ReadAsStringAsync());
        Assert.Contains("The form cannot be submitted before the session took place.", beforeHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"SPRV-1001\"", beforeHtml, StringComparison.Ordinal);
        Assert.Contains("The submission date cannot be in the future.", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var blankHtml = WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync());
        Assert.Contains("Enter the confirmation number the REMS gave.", blankHtml, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(App, db => db.RemsSubmissions.AnyAsync(r => r.SessionId == sessionId)));

        var saved = await PostAsync(client, url, DosingRecordsFixture.Today.AddDays(-4), "SPRV-1002");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var submission = await WithDbAsync(App, db => db.RemsSubmissions.AsNoTracking().SingleAsync(r => r.SessionId == sessionId));
        Assert.Equal((DosingRecordsFixture.Today.AddDays(-4), "SPRV-1002", clinicianId), (submission.SubmittedOn, submission.ConfirmationNumber, submission.RecordedBy));
        var audit = await WithDbAsync(App, db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == sessionId && e.Action == "RemsSubmission.Created"));
        Assert.Equal((clinicianId, (Guid?)patientId), (audit.UserId, audit.PatientId));
        var page = await GetDocumentAsync(client, url);
        Assert.Equal("Submitted", page.QuerySelector("[data-testid=rems-status]")!.TextContent.Trim());
        Assert.Contains("SPRV-1002", page.QuerySelector("[data-testid=rems-submission]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=rems-submit-form]"));

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => MarkAsync((patientId, sessionId), DosingRecordsFixture.Today, "SPRV-1003"));
        Assert.Contains("already marked as submitted", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_signed_esketamine_session_with_a_dose_can_be_marked_submitted()
    {
        var seed = await DosedSessionSeed.CreateAsync(App);
        var unsigned = await SessionAsync(seed, "Ursula", "Unsigned", Now.AddDays(-2), sign: false);
        var (ketaminePatient, ketamineCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Kit", "Ketamine", DefaultProtocols.SublingualKapId);
        var ketamine = await seed.StartAsync(ketaminePatient, ketamineCourse, Now.AddDays(-2));
        await seed.DoseAsync(ketaminePatient, ketamine, Now.AddDays(-2).AddMinutes(15), route: AdministrationRoute.Sublingual, doseMg: 200, lot: "KET-2");
        var (withheldPatient, withheldCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Will", "Withheld");
        var withheld = await seed.StartAsync(withheldPatient, withheldCourse, Now.AddDays(-2));

        var notSigned = await Assert.ThrowsAsync<RuleViolationException>(() => MarkAsync(unsigned, DosingRecordsFixture.Today, "C-1"));
        var notEsketamine = await Assert.ThrowsAsync<RuleViolationException>(() => MarkAsync((ketaminePatient, ketamine), DosingRecordsFixture.Today, "C-2"));
        var noDose = await Assert.ThrowsAsync<RuleViolationException>(() => MarkAsync((withheldPatient, withheld), DosingRecordsFixture.Today, "C-3"));
        await Assert.ThrowsAsync<NotFoundException>(() => MarkAsync((ketaminePatient, unsigned.SessionId), DosingRecordsFixture.Today, "C-4"));

        Assert.Contains("Sign the session note first", notSigned.Message, StringComparison.Ordinal);
        Assert.Contains("esketamine", notEsketamine.Message, StringComparison.Ordinal);
        Assert.Contains("esketamine", noDose.Message, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(App, db => db.RemsSubmissions.CountAsync(r => r.SessionId == unsigned.SessionId || r.SessionId == ketamine || r.SessionId == withheld)));
    }

    private async Task<(Guid PatientId, Guid SessionId)> SessionAsync(DosedSessionSeed seed, string first, string last, DateTimeOffset start, bool sign = true)
    {
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, first, last);
        return (patientId, await seed.EsketamineSessionAsync(patientId, courseId, start, sign));
    }

    private async Task MarkAsync((Guid PatientId, Guid SessionId) session, DateOnly on, string confirmation)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemsService>().MarkSubmittedAsync(session.PatientId, session.SessionId, on, confirmation, await AnyUserAsync());
    }

    private async Task<Guid> AnyUserAsync() => await WithDbAsync(App, db => db.Users.Select(u => u.Id).FirstAsync());

    private async Task<T> WithRemsAsync<T>(Func<RemsFormQueries, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<RemsFormQueries>());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, DateOnly on, string confirmation) =>
        HtmlForms.PostAsync(client, url, [new("Input.SubmittedOn", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Input.ConfirmationNumber", confirmation)]);
}
