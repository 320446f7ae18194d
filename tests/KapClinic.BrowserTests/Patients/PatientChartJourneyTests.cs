using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Patients;

/// <summary>A clinician works in a patient's chart: reads the alerts, fixes a form mistake, records a consent.</summary>
public sealed class PatientChartJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinician_reads_the_alerts_and_keeps_the_lists_up_to_date()
    {
        var email = $"nunez-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, prescriber: true, name: "Dr. Camila Núñez");
        var patientId = await SeedPatientAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on

        await page.GotoAsync($"/Patients/{patientId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maya (María) Ortega", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-alerts")).ToContainTextAsync("Suicide risk");
        await Assertions.Expect(page.GetByTestId("chart-alerts")).ToContainTextAsync("Allergy: Penicillin (hives).");
        await BrowserFixture.ScreenshotAsync(page, "patients-01-chart");

        // A medication without a class: the message is beside the field and the name stays.
        var medications = page.GetByRole(AriaRole.Region, new() { Name = "Current medications" });
        await medications.GetByText("Add a medication").ClickAsync();
        await medications.GetByLabel("Name").FillAsync("Lorazepam");
        await medications.GetByLabel("Dose (optional)").FillAsync("0.5 mg as needed");
        await medications.GetByRole(AriaRole.Button, new() { Name = "Add medication" }).ClickAsync();
        medications = page.GetByRole(AriaRole.Region, new() { Name = "Current medications" });
        await Assertions.Expect(medications.GetByText("Choose the medication's class")).ToBeVisibleAsync();
        await Assertions.Expect(medications.GetByLabel("Name")).ToHaveValueAsync("Lorazepam");
        await BrowserFixture.ScreenshotAsync(page, "patients-02-medication-validation");
        await medications.GetByLabel("Class").SelectOptionAsync(new SelectOptionValue { Label = "Benzodiazepine" });
        await medications.GetByRole(AriaRole.Button, new() { Name = "Add medication" }).ClickAsync();
        medications = page.GetByRole(AriaRole.Region, new() { Name = "Current medications" });
        await Assertions.Expect(medications.GetByRole(AriaRole.Status)).ToContainTextAsync("Medication added.");
        await Assertions.Expect(medications.GetByRole(AriaRole.Rowheader, new() { Name = "Lorazepam" })).ToBeVisibleAsync();

        // The KAP consent: once recorded, the "consent missing" alert goes.
        var consents = page.GetByRole(AriaRole.Region, new() { Name = "Consents" });
        await consents.GetByText("Record a signed consent").ClickAsync();
        await consents.GetByLabel("Consent for").SelectOptionAsync(new SelectOptionValue { Label = "Informed consent for KAP" });
        await consents.GetByLabel("Document name").FillAsync("Informed consent for ketamine-assisted psychotherapy");
        await consents.GetByLabel("Version").FillAsync("2026.1");
        await consents.GetByLabel("Patient's typed name").FillAsync("María Ortega");
        await consents.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Consents" }).GetByRole(AriaRole.Status)).ToContainTextAsync("Consent recorded.");
        await Assertions.Expect(page.GetByTestId("chart-alerts")).Not.ToContainTextAsync("Consent missing");
        await page.GotoAsync($"/Patients/{patientId}");
        await BrowserFixture.ScreenshotAsync(page, "patients-03-chart-after");
    }

    private async Task<Guid> SeedPatientAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var details = new PatientDetails("María", "Ortega", "Maya", new DateOnly(1986, 4, 2), SexAtBirth.Female, "Woman", "she/her",
            "555-0142", "maya@example.test", PostalAddress.Empty, new EmergencyContact("Luis Ortega", "brother", "555-0199"), null, "Dr. Patel (psychiatry)", 165);
        var patient = new Patient(details, now.AddDays(-60));
        patient.RecordWeight(DateOnly.FromDateTime(now.AddDays(-30).UtcDateTime), 64.2m, Guid.NewGuid(), now);
        patient.RecordWeight(DateOnly.FromDateTime(now.AddDays(-2).UtcDateTime), 63.5m, Guid.NewGuid(), now);
        patient.AddAllergy("Penicillin", "hives", now);
        patient.AddMedication("Sertraline", "100 mg daily", MedicationClass.Other, now);
        patient.AddDiagnosis("F33.1", "Major depressive disorder, recurrent, moderate", now);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        db.AddRange(
            new ScreeningVersion(patient.Id, 1, [], ScreeningResult.Relative, ["Glaucoma: unknown (relative)"], Guid.NewGuid(), now.AddDays(-20)),
            new TreatmentCourse(patient.Id, DefaultProtocols.ImKapId, DateOnly.FromDateTime(now.UtcDateTime), Guid.NewGuid(), now),
            new MeasureResponse(patient.Id, Instrument.Phq9, [2, 2, 2, 2, 2, 2, 2, 2, 1], 17, "Moderately severe", "ModeratelySevere", ["SuicideRisk"], [], now.AddDays(-1), Guid.NewGuid(), null, null, now),
            new MeasureResponse(patient.Id, Instrument.Gad7, [1, 2, 1, 2, 1, 1, 1], 9, "Mild", "Mild", [], [], now.AddDays(-1), Guid.NewGuid(), null, null, now),
            new MeasureResponse(patient.Id, Instrument.CssrsScreener, [1, 0, 0, 0, 0, 0], 0, "Moderate risk", "Moderate", ["CssrsModerateRisk"], [], now.AddDays(-1), Guid.NewGuid(), null, null, now));
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
