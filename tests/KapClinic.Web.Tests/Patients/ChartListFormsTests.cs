using System.Globalization;
using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Patients;

/// <summary>The chart's small forms: weights, allergies, medications, diagnoses; messages beside fields, input kept.</summary>
public sealed class ChartListFormsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // The clinic's date (America/New_York by default), which is what "not in the future" is checked against.
    private static readonly DateOnly ClinicToday = ClinicCalendar.Today(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(ClinicSettings.DefaultTimeZoneId));
    private static readonly string Today = ClinicToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData("25", "Enter a weight between 30 and 300 kg")]
    [InlineData("301", "Enter a weight between 30 and 300 kg")]
    public async Task A_weight_outside_30_to_300_kg_is_refused_beside_the_field_and_kept(string kg, string message)
    {
        var (client, id) = await ClinicianAndPatientAsync();

        var response = await PostAsync(client, id, "Weight", [new("Weight.Kg", kg), new("Weight.MeasuredOn", Today)]);

        var document = await ParseAsync(response);
        Assert.Contains(message, document.QuerySelector("#weight-kg-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(kg, document.QuerySelector("#Weight_Kg")!.GetAttribute("value"));
        Assert.Contains("weight-kg-error", document.QuerySelector("#Weight_Kg")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.True(document.QuerySelector("#weights details")!.HasAttribute("open"));
        Assert.Equal(0, await CountAsync(db => db.WeightEntries.CountAsync(w => w.PatientId == id)));
    }

    [Fact]
    public async Task A_weight_dated_in_the_future_is_refused()
    {
        var (client, id) = await ClinicianAndPatientAsync();
        var nextWeek = ClinicToday.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await PostAsync(client, id, "Weight", [new("Weight.Kg", "72.5"), new("Weight.MeasuredOn", nextWeek)]);

        var document = await ParseAsync(response);
        Assert.Contains("cannot be in the future", document.QuerySelector("#weight-date-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("72.5", document.QuerySelector("#Weight_Kg")!.GetAttribute("value"));
        Assert.Equal(nextWeek, document.QuerySelector("#Weight_MeasuredOn")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_valid_weight_is_recorded_audited_and_shown_in_the_header()
    {
        var (client, id) = await ClinicianAndPatientAsync();

        var response = await PostAsync(client, id, "Weight", [new("Weight.Kg", "81.3"), new("Weight.MeasuredOn", Today)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("#weights", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var document = await GetDocumentAsync(client, $"/Patients/{id}");
        Assert.Contains("81.3 kg", document.QuerySelector("[data-testid=header-weight]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Weight recorded.", document.QuerySelector("#weights")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == id && e.Action == "WeightEntry.Created")));
    }

    [Theory]
    [InlineData("33.1")]
    [InlineData("F33-1")]
    [InlineData("depression")]
    public async Task A_malformed_icd10_code_is_refused_beside_the_field_and_kept(string code)
    {
        var (client, id) = await ClinicianAndPatientAsync();

        var response = await PostAsync(client, id, "Diagnosis", [new("Diagnosis.Icd10Code", code), new("Diagnosis.Description", "Recurrent depression")]);

        var document = await ParseAsync(response);
        Assert.Contains("such as F33.1", document.QuerySelector("#diagnosis-code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(code, document.QuerySelector("#Diagnosis_Icd10Code")!.GetAttribute("value"));
        Assert.Equal("Recurrent depression", document.QuerySelector("#Diagnosis_Description")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_medication_without_a_name_is_refused_and_the_other_fields_are_kept()
    {
        var (client, id) = await ClinicianAndPatientAsync();

        var response = await PostAsync(client, id, "Medication", [new("Medication.Name", " "), new("Medication.Dose", "1 mg at night"), new("Medication.Class", "Benzodiazepine")]);

        var document = await ParseAsync(response);
        Assert.Contains("Enter the medication's name", document.QuerySelector("#medication-name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 mg at night", document.QuerySelector("#Medication_Dose")!.GetAttribute("value"));
        Assert.Equal("Benzodiazepine", document.QuerySelector("#Medication_Class option[selected]")!.GetAttribute("value"));
        Assert.Empty(document.QuerySelector("#weight-kg-error")!.TextContent.Trim()); // other forms stay quiet
    }

    [Fact]
    public async Task A_medication_without_a_class_is_refused()
    {
        var (client, id) = await ClinicianAndPatientAsync();

        var response = await PostAsync(client, id, "Medication", [new("Medication.Name", "Sertraline"), new("Medication.Class", string.Empty)]);

        var document = await ParseAsync(response);
        Assert.Contains("Choose the medication's class", document.QuerySelector("#medication-class-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sertraline", document.QuerySelector("#Medication_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_medication_is_added_with_its_class_flag_then_stopped_but_kept()
    {
        var (client, id) = await ClinicianAndPatientAsync();
        await PostAsync(client, id, "Medication", [new("Medication.Name", "Lorazepam"), new("Medication.Dose", "1 mg"), new("Medication.Class", "Benzodiazepine")]);
        var medications = (await GetDocumentAsync(client, $"/Patients/{id}")).QuerySelector("#medications")!;
        Assert.Contains("Lorazepam", medications.TextContent, StringComparison.Ordinal);
        Assert.Contains("interacts with ketamine", medications.TextContent, StringComparison.Ordinal);
        var medicationId = await CountAsync(db => db.Medications.Where(m => m.PatientId == id).Select(m => m.Id).SingleAsync());

        var stop = await PostAsync(client, id, "StopMedication", [new("itemId", medicationId.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.DoesNotContain("Lorazepam", (await GetDocumentAsync(client, $"/Patients/{id}")).QuerySelector("#medications")!.TextContent, StringComparison.Ordinal);
        Assert.False(await CountAsync(db => db.Medications.Where(m => m.Id == medicationId).Select(m => m.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task An_allergy_is_added_as_an_alert_and_inactivated_but_kept()
    {
        var (client, id) = await ClinicianAndPatientAsync();
        await PostAsync(client, id, "Allergy", [new("Allergy.Substance", "Penicillin"), new("Allergy.Reaction", "hives")]);
        Assert.Contains(AlertsIn(await GetDocumentAsync(client, $"/Patients/{id}")), a => a.Text.Contains("Allergy: Penicillin (hives).", StringComparison.Ordinal));
        var allergyId = await CountAsync(db => db.Allergies.Where(a => a.PatientId == id).Select(a => a.Id).SingleAsync());

        await PostAsync(client, id, "InactivateAllergy", [new("itemId", allergyId.ToString())]);

        Assert.DoesNotContain(AlertsIn(await GetDocumentAsync(client, $"/Patients/{id}")), a => a.Text.Contains("Penicillin", StringComparison.Ordinal));
        Assert.Equal(1, await CountAsync(db => db.Allergies.CountAsync(a => a.Id == allergyId && !a.IsActive)));
    }

    [Fact]
    public async Task A_diagnosis_is_added_upper_cased_and_resolved_but_kept()
    {
        var (client, id) = await ClinicianAndPatientAsync();
        await PostAsync(client, id, "Diagnosis", [new("Diagnosis.Icd10Code", "f33.1"), new("Diagnosis.Description", "Major depressive disorder, recurrent, moderate")]);
        Assert.Contains("F33.1", (await GetDocumentAsync(client, $"/Patients/{id}")).QuerySelector("#diagnoses")!.TextContent, StringComparison.Ordinal);
        var diagnosisId = await CountAsync(db => db.Diagnoses.Where(d => d.PatientId == id).Select(d => d.Id).SingleAsync());

        await PostAsync(client, id, "ResolveDiagnosis", [new("itemId", diagnosisId.ToString())]);

        Assert.Null((await GetDocumentAsync(client, $"/Patients/{id}")).QuerySelector("#diagnoses table"));
        Assert.Equal(1, await CountAsync(db => db.Diagnoses.CountAsync(d => d.Id == diagnosisId && !d.IsActive)));
    }

    [Fact]
    public async Task An_item_of_another_patient_cannot_be_stopped_through_this_chart()
    {
        var (client, id) = await ClinicianAndPatientAsync();
        var otherId = await AddPatientAsync(App, build: p => p.AddMedication("Sertraline", null, Core.Patients.MedicationClass.Other, RecordedAt));
        var otherMedication = await CountAsync(db => db.Medications.Where(m => m.PatientId == otherId).Select(m => m.Id).SingleAsync());

        var response = await PostAsync(client, id, "StopMedication", [new("itemId", otherMedication.ToString())]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await CountAsync(db => db.Medications.Where(m => m.Id == otherMedication).Select(m => m.IsActive).SingleAsync()));
    }

    private async Task<(HttpClient Client, Guid PatientId)> ClinicianAndPatientAsync()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        return (client, await AddPatientAsync(App));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string handler, KeyValuePair<string, string>[] fields) =>
        HtmlForms.PostAsync(client, $"/Patients/{id}", fields, $"/Patients/{id}?handler={handler}");

    private async Task<T> CountAsync<T>(Func<KapClinicDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>());
    }
}
