using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>
/// A nurse sees today's dosing session with a late reading on the dashboard and the REMS forms due, opens an
/// esketamine session's REMS form, prints it (the print stylesheet hides the app around it) and marks it submitted.
/// </summary>
public sealed class RemsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_follows_the_dashboard_to_a_rems_form_prints_it_and_marks_it_submitted()
    {
        var app = fixture.Factory;
        var email = $"nurse-{Guid.NewGuid():N}@clinic.test";
        var nurse = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, email, name: "Nina Alvarez");
        var prescriber = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, prescriber: true, name: "Dr. Camila Núñez");
        var now = DateTimeOffset.UtcNow;
        var esketamine = await SessionAsync(app, "Marisol", "Quintero", DefaultProtocols.EsketamineId, nurse, prescriber, now.AddDays(-3), complete: true);
        await SessionAsync(app, "Theo", "Brandt", DefaultProtocols.EsketamineId, nurse, prescriber, now.AddDays(-9), complete: true);
        var today = await SessionAsync(app, "Ines", "Okafor", DefaultProtocols.ImKapId, nurse, prescriber, now.AddMinutes(-25), complete: false);

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("rems-counts")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"1 overdue\s+1 due"));
        if (await StartedTodayAsync(app, today.SessionId))
        {
            var row = page.GetByTestId("dosing-today").Locator($"[data-session='{today.SessionId}']");
            await Assertions.Expect(row).ToContainTextAsync("Ines Okafor");
            await Assertions.Expect(row).ToContainTextAsync("Reading overdue");
        }

        await BrowserFixture.ScreenshotAsync(page, "dosing-01-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "All REMS forms" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rems-overdue")).ToContainTextAsync("Theo Brandt");
        await BrowserFixture.ScreenshotAsync(page, "dosing-02-rems-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open form for Marisol Quintero" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("rems-patient-name")).ToHaveTextAsync("Marisol Quintero");
        await Assertions.Expect(page.GetByTestId("rems-status")).ToHaveTextAsync("Due in 4 days");
        await Assertions.Expect(page.GetByTestId("rems-bp")).ToContainTextAsync("142/88");
        // The ticked boxes are drawn by site.css alone (empty spans): a broken stylesheet once left none on the form.
        var ticked = page.Locator(".rems-box-on").First;
        await Assertions.Expect(ticked).ToBeVisibleAsync();
        await Assertions.Expect(ticked).Not.ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "dosing-03-rems-form");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("rems-dose")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dosing-04-rems-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GetByLabel("Confirmation number").FillAsync("SPRV-2026-00417");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as submitted" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("rems-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.GetByTestId("rems-submission")).ToContainTextAsync("SPRV-2026-00417");
        await BrowserFixture.ScreenshotAsync(page, "dosing-05-rems-submitted");
        Assert.NotEqual(Guid.Empty, esketamine.SessionId);
    }

    private static async Task<bool> StartedTodayAsync(KapClinicAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        var start = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().DosingSessions.Where(s => s.Id == sessionId).Select(s => s.OccurredAt).SingleAsync();
        return ClinicCalendar.DateOf(start, zone) == ClinicCalendar.DateOf(DateTimeOffset.UtcNow, zone);
    }

    /// <summary>
    /// A session through the real services: checklist, a dose 5 min after the start (the gates overridden by the
    /// prescriber), then for a complete one readings at +33, +44 and +118 min, discharge at +126 and the signature.
    /// </summary>
    private static async Task<(Guid PatientId, Guid SessionId)> SessionAsync(
        KapClinicAppFactory app, string first, string last, Guid protocolId, Guid nurse, Guid prescriber, DateTimeOffset start, bool complete)
    {
        var patientId = await TestPatients.CreateAsync(app, TestPatients.Details(first, last), p => p.MoveTo(PatientStatus.Screening));
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<KapClinicDbContext>();
        var zone = (await services.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
        async Task<uint> VersionAsync(Guid id) => await db.DosingSessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.Version).SingleAsync();
        var course = new TreatmentCourse(patientId, protocolId, DateOnly.FromDateTime(start.UtcDateTime), nurse, start.AddDays(-20));
        db.TreatmentCourses.Add(course);
        await db.SaveChangesAsync();
        var dosing = services.GetRequiredService<DosingSessionService>();
        var monitoring = services.GetRequiredService<MonitoringService>();
        var id = await dosing.StartAsync(patientId, course.Id, new StartDosingInput { PrescriberId = prescriber, StartedAt = Local(start) }, nurse);
        await dosing.SaveChecklistAsync(patientId, id, new ChecklistInput
        {
            IdentityVerified = true, ConsentCurrent = true, Fasting = true, RideHomeName = "Luis (partner)", RideHomePhone = "555 0142",
            NoContraindicatedMedicationToday = true, PregnancyTest = PregnancyTest.NotApplicable, Intention = "To feel lighter.", MoodScore = 4,
            WeightKg = 68, Systolic = 128, Diastolic = 82, HeartRate = 74, SpO2 = 98, RespiratoryRate = 14, PreDoseVitalsAt = Local(start.AddMinutes(2)),
            TakesBenzodiazepine = true, Version = await VersionAsync(id),
        });
        var esketamine = protocolId == DefaultProtocols.EsketamineId;
        var dose = start.AddMinutes(5);
        await dosing.AdministerAsync(patientId, id, new DoseInput
        {
            Route = esketamine ? AdministrationRoute.Intranasal : AdministrationRoute.Intramuscular, DoseMg = esketamine ? 56 : 50, DeviceCount = esketamine ? 2 : null,
            AdministeredAt = Local(dose), LotNumber = esketamine ? "SPR-24117" : "KET-0931", GivenById = nurse,
            OverrideReasons = DoseOverrides.Every("Reviewed on site (test data)."), Version = await VersionAsync(id),
        }, prescriber);
        if (complete)
        {
            foreach (var (minutes, systolic, diastolic, moaas) in new[] { (33, 146, 90, 5), (44, 142, 88, 4), (118, 128, 80, 5) })
            {
                await monitoring.AddReadingAsync(patientId, id, new ReadingInput
                {
                    TakenAt = Local(dose.AddMinutes(minutes)), Systolic = systolic, Diastolic = diastolic, HeartRate = 78, SpO2 = 97, RespiratoryRate = 14, Moaas = moaas,
                }, nurse);
            }

            await dosing.DischargeAsync(patientId, id, new DischargeInput
            {
                VitalsNearBaseline = true, AlertAndOriented = true, WalkingSteadily = true, NauseaControlled = true, ResponsibleAdultPresent = true,
                InstructionsGiven = true, DischargedAt = Local(dose.AddMinutes(126)), DischargedWith = "Luis (partner)", ReadyToLeaveAt = Local(dose.AddMinutes(92)),
                Version = await VersionAsync(id),
            });
            await dosing.SignAsync(patientId, id, nurse, await VersionAsync(id));
        }

        return (patientId, id);
    }
}
