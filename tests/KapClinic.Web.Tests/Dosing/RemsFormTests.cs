using System.Net;
using KapClinic.Core.Auditing;
using KapClinic.Core.Dosing;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Patients.ChartTestData;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The REMS Patient Monitoring Form page, filled from a session built through the real services.</summary>
public sealed class RemsFormTests(DosingRecordsFixture fixture) : IClassFixture<DosingRecordsFixture>
{
    private static readonly DateTimeOffset Now = DosingRecordsFixture.Now;

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_form_fills_every_field_from_the_log_with_the_40_minute_reading_the_minutes_and_first_treatment()
    {
        var (client, clinicianId) = await ClinicalUsers.SignedInClinicianAsync(App, "Nina Monitor", "RN", prescriber: false);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, "Ada", "Lovelace");
        var earlier = await seed.EsketamineSessionAsync(patientId, courseId, Now.AddDays(-9));

        // Monday 16 November 2026, 11:00 in New York; first device at 11:15.
        var start = Now.AddDays(-2);
        var sessionId = await seed.StartAsync(patientId, courseId, start);
        await seed.ChecklistAsync(patientId, sessionId, start.AddMinutes(5), benzodiazepine: true);
        var first = start.AddMinutes(15);
        await seed.DoseAsync(patientId, sessionId, first, devices: 3, lot: "SPR-2291");
        await seed.ReadingAsync(patientId, sessionId, first.AddMinutes(33), 146, 90, spO2: 96);
        await seed.ReadingAsync(patientId, sessionId, first.AddMinutes(44), 142, 88, spO2: 95, moaas: 4, cadss6: 3);
        await seed.ReadingAsync(patientId, sessionId, first.AddMinutes(118), 128, 80, spO2: 98, moaas: 5, cadss6: 0);
        await seed.DischargeAsync(patientId, sessionId, first.AddMinutes(126), first.AddMinutes(92));
        await seed.SignAsync(patientId, sessionId);

        var form = await GetDocumentAsync(client, $"/Patients/{patientId}/Dosing/{sessionId}/Rems");
        string Text(string id) => string.Join(' ', form.QuerySelector($"[data-testid={id}]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal("Ada Lovelace", Text("rems-patient-name"));
        Assert.Contains("(no)", Text("rems-first-treatment"), StringComparison.Ordinal);
        Assert.Contains("Benzodiazepines yes", Text("rems-concomitant"), StringComparison.Ordinal);
        Assert.Contains("Psychostimulants no", Text("rems-concomitant"), StringComparison.Ordinal);
        Assert.Equal("Nina Monitor, RN", Text("rems-clinician"));
        Assert.Equal("Mon 16 Nov 2026", Text("rems-date"));
        Assert.Contains("84 mg", Text("rems-dose"), StringComparison.Ordinal);
        Assert.Contains("3 devices", Text("rems-dose"), StringComparison.Ordinal);
        Assert.Equal("SPR-2291", Text("rems-lots"));
        Assert.Equal("126 minutes from first device use to the end of monitoring", Text("rems-total-minutes"));
        Assert.Equal("12:47 (92 minutes after first device use), without the 2-hour rule", Text("rems-ready"));
        var rows = form.QuerySelectorAll("[data-testid=rems-bp] tbody tr").Select(r => string.Join(' ', r.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["Before dosing 128/82 11:05 —", "About 40 minutes after 142/88 11:59 44 min", "Before discharge 128/80 13:13 118 min"], rows);
        Assert.Contains("(yes)", Text("rems-vitals-before"), StringComparison.Ordinal);
        Assert.Contains("(yes)", Text("rems-vitals-end"), StringComparison.Ordinal);
        Assert.Contains("lowest MOAA/S 4", Text("rems-sedation"), StringComparison.Ordinal);
        Assert.Contains("(yes) · highest CADSS-6 3", Text("rems-dissociation"), StringComparison.Ordinal);
        Assert.Contains("(no)", Text("rems-respiratory"), StringComparison.Ordinal);
        Assert.Equal("Lowest SpO2 95 %", Text("rems-spo2"));
        Assert.Equal("None", Text("rems-serious"));
        Assert.Equal("Mon 23 Nov 2026", Text("rems-due")[7..]);
        Assert.Equal("Due in 5 days", Text("rems-status"));
        Assert.NotNull(form.QuerySelector("[data-testid=rems-submit-form]"));

        var firstForm = await GetDocumentAsync(client, $"/Patients/{patientId}/Dosing/{earlier}/Rems");
        Assert.Contains("(yes)", firstForm.QuerySelector("[data-testid=rems-first-treatment]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overdue by 2 days", firstForm.QuerySelector("[data-testid=rems-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(App, db => db.AuditEvents.CountAsync(e => e.EntityId == sessionId && e.Action == AuditActions.NoteViewed && e.Detail == "REMS form")));
    }

    [Fact]
    public async Task A_serious_respiratory_event_shows_on_the_form_and_a_ketamine_session_has_no_form()
    {
        var (client, clinicianId) = await ClinicalUsers.SignedInClinicianAsync(App, "Omar Observer", "RN", prescriber: false);
        var seed = await DosedSessionSeed.CreateAsync(App, clinicianId);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, "Grace", "Hopper");
        var start = Now.AddDays(-1);
        var sessionId = await seed.StartAsync(patientId, courseId, start);
        await seed.ChecklistAsync(patientId, sessionId, start.AddMinutes(5));
        await seed.DoseAsync(patientId, sessionId, start.AddMinutes(15));
        await seed.ReadingAsync(patientId, sessionId, start.AddMinutes(50), 132, 84, spO2: 90);
        await seed.AdverseEventAsync(patientId, sessionId, start.AddMinutes(52), AdverseEventType.RespiratoryDepression, AdverseEventSeverity.Serious);
        var (ketaminePatient, ketamineCourse) = await DosedSessionSeed.PatientWithCourseAsync(App, "Ked", "Ketamine", Core.Courses.DefaultProtocols.SublingualKapId);
        var ketamine = await seed.StartAsync(ketaminePatient, ketamineCourse, start);
        await seed.DoseAsync(ketaminePatient, ketamine, start.AddMinutes(15), route: Core.Courses.AdministrationRoute.Sublingual, doseMg: 200, lot: "KET-1");

        var form = await GetDocumentAsync(client, $"/Patients/{patientId}/Dosing/{sessionId}/Rems");

        Assert.Contains("(yes)", form.QuerySelector("[data-testid=rems-respiratory]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Respiratory depression, onset", form.QuerySelector("[data-testid=rems-serious]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lowest SpO2 90 %", form.QuerySelector("[data-testid=rems-spo2]")!.TextContent.Trim());
        Assert.Contains("not signed yet", form.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("[data-testid=rems-submit-form]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Patients/{ketaminePatient}/Dosing/{ketamine}/Rems")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Patients/{patientId}/Dosing/{ketamine}/Rems")).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_open_a_rems_form_or_the_list()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, Core.Users.ClinicRoles.Staff);
        var seed = await DosedSessionSeed.CreateAsync(App);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(App, "Sam", "Staffonly");
        var sessionId = await seed.EsketamineSessionAsync(patientId, courseId, Now.AddDays(-3));

        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync($"/Patients/{patientId}/Dosing/{sessionId}/Rems")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/Dosing/Rems")).StatusCode);
    }
}
