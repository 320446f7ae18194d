using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Screening;

public sealed class ScreeningVersionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Saving_a_first_screening_creates_version_1_and_shows_the_result()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App, "Mira", "Halvorsen");

        var response = await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(0));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await clinician.GetStringAsync(Url(patientId));
        Assert.Contains("Saved screening version 1: Clear.", html, StringComparison.Ordinal);
        Assert.Contains("Mira Halvorsen", html, StringComparison.Ordinal);
        Assert.Contains("Version 1, saved by", html, StringComparison.Ordinal);
        Assert.Equal([1], await VersionNumbersAsync(patientId));
    }

    [Fact]
    public async Task Saving_unchanged_answers_creates_no_new_version()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(0, (ScreeningItem.Glaucoma, "Yes", "Narrow-angle, treated")));

        var response = await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(1, (ScreeningItem.Glaucoma, "Yes", " Narrow-angle, treated ")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Nothing changed, so no new version was made", await clinician.GetStringAsync(Url(patientId)), StringComparison.Ordinal);
        Assert.Equal([1], await VersionNumbersAsync(patientId));
    }

    [Fact]
    public async Task A_changed_answer_creates_version_2_and_version_1_stays_readable_with_its_old_answers()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(0, (ScreeningItem.HepaticImpairment, "Unknown", "Awaiting LFTs")));

        var response = await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(1, (ScreeningItem.HepaticImpairment, "No", "LFTs normal")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([1, 2], await VersionNumbersAsync(patientId));
        var current = await clinician.GetStringAsync(Url(patientId));
        Assert.Contains("Saved screening version 2: Clear.", current, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Screening/1\"", current, StringComparison.Ordinal);

        var version1 = await clinician.GetStringAsync($"{Url(patientId)}/1");
        Assert.Contains("Screening version 1 (read-only)", version1, StringComparison.Ordinal);
        Assert.Contains("Relative contraindication", version1, StringComparison.Ordinal);
        Assert.Contains("Awaiting LFTs", version1, StringComparison.Ordinal);
        Assert.DoesNotContain("LFTs normal", version1, StringComparison.Ordinal);
        Assert.Contains("This version was replaced by a later one", version1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yes_without_a_note_is_refused_beside_the_item_and_the_answers_are_kept()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);

        var response = await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(
            0,
            (ScreeningItem.UncontrolledHypertension, "Yes", string.Empty),
            (ScreeningItem.Glaucoma, string.Empty, "typed note kept")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("&quot;Uncontrolled hypertension&quot; is answered yes: add a note", html, StringComparison.Ordinal);
        Assert.Contains("Answer &quot;Glaucoma&quot;: yes, no or unknown.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"typed note kept\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"answer-2-yes\"[^>]*checked", html);
        Assert.Empty(await VersionNumbersAsync(patientId));
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_a_conflict_that_keeps_the_typed_answers()
    {
        var (clinician, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, clinicianId, ScreeningFormFields.Input());
        await SaveAsync(patientId, clinicianId, ScreeningFormFields.Input((ScreeningItem.Glaucoma, ScreeningAnswer.Unknown, null)));

        var response = await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(1, (ScreeningItem.KetamineUropathy, "Yes", "My typed note")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone saved screening version 2 after you opened this page.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"My typed note\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.BasedOnVersion\" value=\"2\"", html, StringComparison.Ordinal);
        Assert.Equal([1, 2], await VersionNumbersAsync(patientId));
    }

    [Fact]
    public async Task An_interacting_medication_makes_the_result_relative_and_is_listed()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App, medications: [("Clonazepam", MedicationClass.Benzodiazepine), ("Vitamin D", MedicationClass.Other)]);

        await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(0));

        var html = await clinician.GetStringAsync(Url(patientId));
        Assert.Contains("Saved screening version 1: Relative contraindication.", html, StringComparison.Ordinal);
        Assert.Contains("Medication Clonazepam (benzodiazepine: blunts ketamine&#x27;s effect)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Vitamin D", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_medication_started_after_the_screening_is_flagged_and_saving_records_a_new_version()
    {
        var (clinician, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, clinicianId, ScreeningFormFields.Input());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
            var patient = await db.Patients.Include(p => p.Medications).SingleAsync(p => p.Id == patientId);
            patient.AddMedication("Oxycodone", "5 mg", MedicationClass.Opioid, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.Contains("The medication list changed since version 1 was saved", await clinician.GetStringAsync(Url(patientId)), StringComparison.Ordinal);
        await HtmlForms.PostAsync(clinician, Url(patientId), ScreeningFormFields.With(1));

        Assert.Equal([1, 2], await VersionNumbersAsync(patientId));
        Assert.Contains("Saved screening version 2: Relative contraindication.", await clinician.GetStringAsync(Url(patientId)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewing_the_screening_writes_an_audit_event_for_the_patient()
    {
        var (clinician, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);

        await clinician.GetStringAsync(Url(patientId));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.UserId == clinicianId && e.Action == ScreeningService.ViewedAction));
    }

    [Fact]
    public async Task Names_are_shown_encoded()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App, "<script>alert(1)</script>", "Smith");

        var html = await clinician.GetStringAsync(Url(patientId));

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Smith", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_patient_or_version_is_404()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);

        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync(Url(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"{Url(patientId)}/7")).StatusCode);
    }

    private static string Url(Guid patientId) => $"/Patients/{patientId}/Screening";

    private async Task SaveAsync(Guid patientId, Guid userId, ScreeningInput input)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScreeningService>().SaveAsync(patientId, input, userId);
    }

    private async Task<List<int>> VersionNumbersAsync(Guid patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Screenings
            .Where(s => s.PatientId == patientId).OrderBy(s => s.VersionNumber).Select(s => s.VersionNumber).ToListAsync();
    }
}
