using System.Text.RegularExpressions;
using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>A nurse records an IV dose from the lot the page preselects, and the lot's ledger shows it with the patient's MRN.</summary>
public sealed partial class DoseFromStockJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_takes_the_dose_from_the_soonest_expiring_lot_and_the_lot_ledger_shows_it()
    {
        var app = fixture.Factory;
        var nurseEmail = $"nurse-{Guid.NewGuid():N}@clinic.test";
        var nurseId = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, nurseEmail, name: "Jamie Lee");
        var prescriberId = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, prescriber: true, name: "Dr. Camila Núñez");
        var patientId = await TestPatients.CreateAsync(app, TestPatients.Details("Marisol", "Quintero"));
        var sessionId = await CheckedSessionAsync(patientId, nurseId, prescriberId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var inventory = scope.ServiceProvider.GetRequiredService<InventoryService>();
            var vial = await inventory.CreateProductAsync(new ProductInput
            {
                Name = "Ketamine HCl injection", Ndc = "0409-2051-05", Drug = DrugKind.Ketamine, Form = DosageForm.Vial, Strength = "500 mg/10 mL (50 mg/mL)",
                MgPerUnit = 50m, UnitsPerContainer = 10m, ReorderLevelUnits = 20m,
            }, await TestUsers.CreateAsync(app, ClinicRoles.Admin));
            ReceiveLotInput Lot(string number, int expiresInDays, decimal quantity) => new()
            {
                LotNumber = number, ExpiresOn = today.AddDays(expiresInDays), SupplierName = "Cardinal Health", SupplierAddress = "7000 Cardinal Pl, Dublin, OH 43017",
                SupplierDeaNumber = "RC0183462", InvoiceNumber = "CAH-7781204", ReceivedOn = today.AddDays(-30), Quantity = quantity,
            };
            await inventory.ReceiveLotAsync(vial, Lot("KH2451-11", 420, 50m), prescriberId);
            await inventory.ReceiveLotAsync(vial, Lot("KH2417-03", 40, 12.5m), prescriberId);
        }

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(820, 1180);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(nurseEmail);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on
        await page.GotoAsync($"/Patients/{patientId}/Dosing/{sessionId}/Dose");

        var lot = page.GetByLabel("Lot (from stock)");
        await Assertions.Expect(lot.Locator("option:checked")).ToContainTextAsync("Lot KH2417-03");
        await page.GetByLabel("Dose (mg)").FillAsync("35");
        await Assertions.Expect(page.GetByTestId("lot-take")).ToHaveTextAsync("Takes 0.70 mL of 50 mg/mL from this lot.");
        await BrowserFixture.ScreenshotAsync(page, "dosing-07-dose-from-stock");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record dose" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/Patients/{patientId}/Dosing/{sessionId}$"));

        await page.GotoAsync("/Inventory");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lot KH2417-03" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("lot-balance")).ToHaveTextAsync("11.8 mL");
        var mrn = await MrnAsync(patientId);
        await Assertions.Expect(page.GetByTestId("ledger")).ToContainTextAsync($"Patient MRN {mrn}");
        await BrowserFixture.ScreenshotAsync(page, "inventory-07-lot-administered");
    }

    private async Task<string> MrnAsync(Guid patientId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync();
    }

    // A course ready to dose and a session started ten minutes ago with its checklist complete (70 kg, normal vitals).
    private async Task<Guid> CheckedSessionAsync(Guid patientId, Guid nurseId, Guid prescriberId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<KapClinicDbContext>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var course = new TreatmentCourse(patientId, DefaultProtocols.IvKetamineId, today, prescriberId, now);
        var screening = new ScreeningVersion(patientId, 1, [], ScreeningResult.Clear, [], prescriberId, now.AddDays(-3));
        var preparation = new PreparationSession(patientId, course.Id, prescriberId, new PreparationContent(
            now.AddDays(-2), 50, SessionModality.InPerson, "Feel present.", [EducationTopic.EffectsAndRisks], screening.Id, ScreeningResult.Clear,
            "Calm.", "Sam (partner)", true, ReadinessDecision.Ready, "Ready.", "Data.", "Assessment.", "Plan."), now.AddDays(-2));
        preparation.Sign(new NoteSigner(prescriberId, "Dr. Camila Núñez", null, false), now.AddDays(-2).AddHours(1));
        db.AddRange(course, screening, preparation);
        db.Consents.Add(new Consent(patientId, ConsentKind.KapTreatment, null, "KAP informed consent", "v3", today.AddDays(-1), "Marisol Quintero", prescriberId, "Front Desk", 12, now));
        db.MeasureResponses.Add(new MeasureResponse(patientId, Instrument.CssrsScreener, [0, 0, 0, 0, 0, 0, 0], 0, null, null, [], [], now.AddMinutes(-15), nurseId, course.Id, null, now.AddMinutes(-15)));
        await db.SaveChangesAsync();

        var zone = (await services.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
        DateTime Wall(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var dosing = services.GetRequiredService<DosingSessionService>();
        var sessionId = await dosing.StartAsync(patientId, course.Id, new StartDosingInput { PrescriberId = prescriberId, StartedAt = Wall(now.AddMinutes(-10)) }, nurseId);
        await dosing.SaveChecklistAsync(patientId, sessionId, new ChecklistInput
        {
            IdentityVerified = true, ConsentCurrent = true, Fasting = true, RideHomeName = "Sam Quintero", RideHomePhone = "+1 555 0100 301",
            NoContraindicatedMedicationToday = true, PregnancyTest = PregnancyTest.Negative, Intention = "To meet the grief gently.", MoodScore = 5,
            WeightKg = 70m, Systolic = 124, Diastolic = 80, HeartRate = 72, SpO2 = 98, RespiratoryRate = 14, PreDoseVitalsAt = Wall(now.AddMinutes(-6)),
            Version = await db.DosingSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(),
        });
        return sessionId;
    }
}
