using System.Net;
using AngleSharp.Html.Parser;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Scheduling;

public sealed class WaitlistPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Staff_put_a_patient_on_the_waitlist_from_their_page_once()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var patientId = await TestPatients.CreateAsync(App, TestPatients.Details("Wanda", "Waitinglist"));
        var page = $"/Patients/Edit/{patientId}";

        var added = await HtmlForms.PostAsync(staff, page, [new("waitlistNote", "Any weekday morning")], $"{page}?handler=Waitlist");
        var again = await HtmlForms.PostAsync(staff, page, [new("waitlistNote", "Second try")], $"{page}?handler=Waitlist");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(WaitlistService.AlreadyWaiting, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await staff.GetStringAsync("/Schedule/Waitlist");
        Assert.Contains("Wanda Waitinglist", list, StringComparison.Ordinal);
        Assert.Contains("Any weekday morning", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_who_waits_oldest_first_with_their_course_and_note()
    {
        var (staff, staffId) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var older = await AddAsync("Olive", "Older", staffId, "Mornings only", DateTimeOffset.UtcNow.AddDays(-9), withCourse: true);
        var newer = await AddAsync("Nina", "Newer", staffId, null, DateTimeOffset.UtcNow.AddDays(-1));

        var document = new HtmlParser().ParseDocument(await staff.GetStringAsync("/Schedule/Waitlist"));

        var rows = document.QuerySelectorAll("[data-testid=waitlist] tbody tr").Where(r => r.GetAttribute("data-entry") is { } e && (e == older.ToString() || e == newer.ToString())).ToList();
        Assert.Equal([older.ToString(), newer.ToString()], rows.Select(r => r.GetAttribute("data-entry")));
        Assert.Contains("Olive Older", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Mornings only", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(DefaultProtocols.All.Single(p => p.Id == DefaultProtocols.IvKetamineId).Definition.Name, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("9 days", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("No course linked", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinicians_cannot_see_or_change_the_waitlist()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);

        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/Schedule/Waitlist")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.PostAsync("/Schedule/Waitlist?handler=Remove", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task Staff_remove_a_patient_from_the_waitlist_and_a_second_remove_says_so()
    {
        var (staff, staffId) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var entry = await AddAsync("Rita", "Removed", staffId, null, DateTimeOffset.UtcNow.AddHours(-2));
        var fields = new KeyValuePair<string, string>[] { new("entryId", entry.ToString()) };

        var removed = await HtmlForms.PostAsync(staff, "/Schedule/Waitlist", fields, "/Schedule/Waitlist?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(entry.ToString(), await staff.GetStringAsync("/Schedule/Waitlist"), StringComparison.Ordinal);

        var again = await HtmlForms.PostAsync(staff, "/Schedule/Waitlist", fields, "/Schedule/Waitlist?handler=Remove");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("no longer waiting", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Guid> AddAsync(string first, string last, Guid addedBy, string? note, DateTimeOffset addedAt, bool withCourse = false)
    {
        var patientId = await TestPatients.CreateAsync(App, TestPatients.Details(first, last));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Guid? courseId = null;
        if (withCourse)
        {
            var course = new TreatmentCourse(patientId, DefaultProtocols.IvKetamineId, DateOnly.FromDateTime(addedAt.UtcDateTime), addedBy, addedAt);
            db.TreatmentCourses.Add(course);
            courseId = course.Id;
        }

        var entry = new WaitlistEntry(patientId, courseId, note, addedBy, addedAt);
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }
}
