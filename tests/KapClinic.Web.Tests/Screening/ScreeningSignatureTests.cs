using System.Net;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Screening;

public sealed class ScreeningSignatureTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_clinician_who_is_not_a_prescriber_sees_no_sign_button_and_cannot_sign()
    {
        var (clinician, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, clinicianId);

        Assert.DoesNotContain("Sign as prescriber", await clinician.GetStringAsync(Url(patientId)), StringComparison.Ordinal);
        var response = await HtmlForms.PostAsync(clinician, Url(patientId), [new("version", "1")], $"{Url(patientId)}?handler=Sign");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a prescribing clinician can sign a screening.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await SignedAtAsync(patientId, 1));
    }

    [Fact]
    public async Task A_prescriber_signs_and_the_signature_shows_name_credentials_and_time()
    {
        var (prescriber, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Ines Carvalho", "MD", prescriber: true);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, prescriberId);
        Assert.Contains("Sign as prescriber", await prescriber.GetStringAsync(Url(patientId)), StringComparison.Ordinal);

        var response = await HtmlForms.PostAsync(prescriber, Url(patientId), [new("version", "1")], $"{Url(patientId)}?handler=Sign");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await prescriber.GetStringAsync(Url(patientId));
        Assert.Contains("Signed by Dr. Ines Carvalho, MD on ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign as prescriber", html, StringComparison.Ordinal);
        var signedAt = await SignedAtAsync(patientId, 1);
        Assert.NotNull(signedAt);
        Assert.Equal(TimeSpan.Zero, signedAt.Value.Offset);
    }

    [Fact]
    public async Task An_already_signed_version_cannot_be_signed_again()
    {
        var (prescriber, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Sam Osei", "DO", prescriber: true);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, prescriberId);
        await HtmlForms.PostAsync(prescriber, Url(patientId), [new("version", "1")], $"{Url(patientId)}?handler=Sign");

        var response = await HtmlForms.PostAsync(prescriber, Url(patientId), [new("version", "1")], $"{Url(patientId)}?handler=Sign");

        Assert.Contains("Screening version 1 is already signed by Dr. Sam Osei.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_latest_version_can_be_signed()
    {
        var (_, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Lee", null, prescriber: true);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, prescriberId);
        await SaveAsync(patientId, prescriberId, ScreeningFormFields.Input((ScreeningItem.Glaucoma, ScreeningAnswer.Unknown, null)));

        await using var scope = App.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => scope.ServiceProvider.GetRequiredService<ScreeningService>().SignAsync(patientId, 1, prescriberId));

        Assert.Contains("replaced by version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_after_signing_makes_a_new_unsigned_version_and_the_signed_one_stays_as_signed()
    {
        var (prescriber, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Ada Brenner", "MD", prescriber: true);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, prescriberId);
        await SignAsync(patientId, 1, prescriberId);

        await HtmlForms.PostAsync(prescriber, Url(patientId), ScreeningFormFields.With(1, (ScreeningItem.Glaucoma, "Yes", "Open-angle")));

        Assert.Null(await SignedAtAsync(patientId, 2));
        var version1 = await prescriber.GetStringAsync($"{Url(patientId)}/1");
        Assert.Contains("Signed by Dr. Ada Brenner, MD on ", version1, StringComparison.Ordinal);
        Assert.DoesNotContain("Open-angle", version1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_update_a_signed_screening_row()
    {
        var (_, prescriberId) = await ClinicalUsers.SignedInClinicianAsync(App, "Dr. Vik Rao", "MD", prescriber: true);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, prescriberId, ScreeningFormFields.Input((ScreeningItem.UncontrolledHypertension, ScreeningAnswer.Yes, "170/105")));
        await SignAsync(patientId, 1, prescriberId);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE screenings SET result = 'Clear' WHERE patient_id = {0}", patientId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal("Absolute", await db.Database.SqlQueryRaw<string>("SELECT result AS \"Value\" FROM screenings WHERE patient_id = {0}", patientId).SingleAsync());
    }

    [Fact]
    public async Task The_database_refuses_to_delete_a_screening_or_change_the_answers_of_an_unsigned_one()
    {
        var (_, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var patientId = await PatientSeed.CreateAsync(App);
        await SaveAsync(patientId, clinicianId);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM screenings WHERE patient_id = {0}", patientId));
        await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE screenings SET result = 'Absolute' WHERE patient_id = {0}", patientId));
        Assert.Equal([1], await db.Screenings.Where(s => s.PatientId == patientId).Select(s => s.VersionNumber).ToListAsync());
    }

    private static string Url(Guid patientId) => $"/Patients/{patientId}/Screening";

    private async Task SaveAsync(Guid patientId, Guid userId, ScreeningInput? input = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScreeningService>().SaveAsync(patientId, input ?? ScreeningFormFields.Input(), userId);
    }

    private async Task SignAsync(Guid patientId, int version, Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScreeningService>().SignAsync(patientId, version, userId);
    }

    private async Task<DateTimeOffset?> SignedAtAsync(Guid patientId, int version)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Screenings
            .Where(s => s.PatientId == patientId && s.VersionNumber == version).Select(s => s.SignedAt).SingleAsync();
    }
}
