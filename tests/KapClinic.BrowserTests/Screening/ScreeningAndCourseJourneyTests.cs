using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Screening;

/// <summary>A prescriber screens a patient (answers found by their item's group and label), signs, and starts a course.</summary>
public sealed class ScreeningAndCourseJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_prescriber_records_a_screening_signs_it_and_starts_a_course()
    {
        var email = $"prescriber-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, email, prescriber: true, name: "Dr. Noor Haddad");
        var patientId = await CreatePatientAsync();
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Every item answered by its label within its group; a "yes" first without its note.
        await page.GotoAsync($"/Patients/{patientId}/Screening");
        await Assertions.Expect(page.GetByTestId("patient-banner")).ToContainTextAsync("Leila Moreau");
        foreach (var group in await page.Locator("fieldset.screening-item").AllAsync())
        {
            await group.GetByLabel("No", new() { Exact = true }).CheckAsync();
        }

        var glaucoma = page.GetByRole(AriaRole.Group, new() { Name = "Glaucoma" });
        await glaucoma.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save screening" }).ClickAsync();
        await Assertions.Expect(page.GetByText("\"Glaucoma\" is answered yes: add a note")).ToBeVisibleAsync();
        await Assertions.Expect(glaucoma.GetByLabel("Yes")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "screening-01-validation");
        await page.GetByLabel("Note on Glaucoma").FillAsync("Open-angle, on latanoprost");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save screening" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved screening version 1: Relative contraindication.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign as prescriber" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signature")).ToContainTextAsync("Signed by Dr. Noor Haddad on");
        await BrowserFixture.ScreenshotAsync(page, "screening-02-signed");

        // A course on the IV protocol.
        await page.GotoAsync($"/Patients/{patientId}/Courses/New");
        await page.GetByLabel("Protocol").SelectOptionAsync(new SelectOptionValue { Label = "IV ketamine series — Ketamine, IV, 0.5–1 mg/kg; 1 preparation · 6 dosing · 6 integration" });
        await BrowserFixture.ScreenshotAsync(page, "course-01-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start course" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("course-status")).ToHaveTextAsync("Planned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate course" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("course-status")).ToHaveTextAsync("Active");
        await BrowserFixture.ScreenshotAsync(page, "course-02-active");
    }

    [Fact]
    public async Task An_admin_is_told_the_esketamine_REMS_minimum_when_adding_a_protocol()
    {
        var email = $"admin-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Admin, email);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Protocols" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "protocols-01-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a protocol" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Esketamine maintenance");
        await page.GetByLabel("Drug").SelectOptionAsync("Esketamine");
        await page.GetByLabel("Route").SelectOptionAsync("Intranasal");
        await page.GetByLabel("Lowest dose").FillAsync("56");
        await page.GetByLabel("Highest dose").FillAsync("84");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add protocol" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Spravato REMS requirement")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "protocols-02-rems");
        await page.GetByLabel("Minimum monitoring (minutes)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add protocol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Esketamine maintenance" })).ToBeVisibleAsync();
    }

    private async Task<Guid> CreatePatientAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var patient = new Patient(
            new PatientDetails("Leila", "Moreau", null, new DateOnly(1979, 9, 3), SexAtBirth.Female, null, null, null, null,
                PostalAddress.Empty, EmergencyContact.Empty, null, null, null),
            DateTimeOffset.UtcNow);
        patient.AddMedication("Lamotrigine", "100 mg", MedicationClass.Lamotrigine, DateTimeOffset.UtcNow);
        db.Patients.Add(patient);
        db.Entry(patient).Property(p => p.Mrn).CurrentValue = "KAP-900001"; // see PatientSeed in the Web tests
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
