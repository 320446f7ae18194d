// Firely's model marks every element nullable; the assertions below fail clearly when one is missing.
#nullable disable warnings
using FluentValidation;
using Hl7.Fhir.Model;
using KapClinic.Core.Auditing;
using KapClinic.Core.Reports;
using KapClinic.Core.Reports.Fhir;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using FhirPatient = Hl7.Fhir.Model.Patient;
using Task = System.Threading.Tasks.Task;

namespace KapClinic.Web.Tests.Reports;

public sealed class FhirBulkExportTests(FhirFixture fixture) : IClassFixture<FhirFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_period_exports_as_a_zip_of_ndjson_files_per_type_whose_lines_all_parse_and_match_the_counts()
    {
        var inside = await FhirRecordSeed.CreateAsync(App, first: "Inside");
        var outside = await FhirRecordSeed.CreateAsync(App, first: "Outside", start: inside.Start.AddDays(-60));
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var (files, counts) = await FhirTestReader.ExportBulkAsync(App, Today.AddDays(-10), Today.AddDays(5), admin);

        Assert.Equal(FhirResourceCounts.Types.Select(t => t + ".ndjson"), files.Keys);
        foreach (var type in FhirResourceCounts.Types)
        {
            Assert.Equal(counts[type], files[type + ".ndjson"].Count);
            Assert.All(files[type + ".ndjson"], r => Assert.Equal(type, r.TypeName));
        }

        var patients = files["Patient.ndjson"].Cast<FhirPatient>().ToList();
        Assert.Contains(patients, p => p.Id == inside.PatientId.ToString());
        Assert.DoesNotContain(patients, p => p.Id == outside.PatientId.ToString());
        var all = files.Values.SelectMany(r => r).ToList();
        Assert.DoesNotContain(all, r => r.AllReferences().Any(x => x.Reference == "Patient/" + outside.PatientId));

        var mine = all.Where(r => r.AllReferences().Any(x => x.Reference == "Patient/" + inside.PatientId)).ToList();
        Assert.Equal(3, mine.OfType<Encounter>().Count());
        Assert.Single(mine.OfType<MedicationAdministration>());
        Assert.Equal(16, mine.OfType<Observation>().Count());
        Assert.Equal(2, mine.OfType<QuestionnaireResponse>().Count());
        Assert.Single(mine.OfType<Hl7.Fhir.Model.Appointment>());
        var dose = mine.OfType<MedicationAdministration>().Single();
        Assert.Equal("Encounter/" + inside.DosingSessionId, dose.Context.Reference);
    }

    [Fact]
    public async Task The_bulk_export_is_audited_with_the_period_and_the_resource_counts()
    {
        await FhirRecordSeed.CreateAsync(App);
        var clinician = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var from = Today.AddDays(-3);
        var to = Today;

        var (_, counts) = await FhirTestReader.ExportBulkAsync(App, from, to, clinician);

        var exported = Assert.Single(await FhirTestReader.AuditAsync(App, clinician), e => e.Action == AuditActions.ReportExported);
        Assert.Equal(AuditOutcome.Success, exported.Outcome);
        Assert.StartsWith(FormattableString.Invariant($"report=fhir-bulk format=ndjson from={from:yyyy-MM-dd} to={to:yyyy-MM-dd} rows={counts.Total} "), exported.Detail, StringComparison.Ordinal);
        Assert.EndsWith(counts.Describe(), exported.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inverted_or_too_long_period_is_refused_with_messages_for_the_fields()
    {
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var inverted = await Assert.ThrowsAsync<ValidationException>(() => FhirTestReader.ExportBulkAsync(App, Today, Today.AddDays(-1), admin));
        Assert.Contains(inverted.Errors, e => e.PropertyName == "To" && e.ErrorMessage.Contains("on or after", StringComparison.Ordinal));
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => FhirTestReader.ExportBulkAsync(App, Today.AddYears(-6), Today, admin));
        Assert.Contains(tooLong.Errors, e => e.ErrorMessage.Contains("at most 5 years", StringComparison.Ordinal));
        Assert.DoesNotContain(await FhirTestReader.AuditAsync(App, admin), e => e.Action == AuditActions.ReportExported);
    }

    [Fact]
    public async Task Staff_may_not_run_the_bulk_export()
    {
        var staff = await TestUsers.CreateAsync(App, ClinicRoles.Staff);

        await Assert.ThrowsAsync<ReportAccessDeniedException>(() => FhirTestReader.ExportBulkAsync(App, Today.AddDays(-1), Today, staff));

        Assert.Contains(await FhirTestReader.AuditAsync(App, staff), e => e.Action == AuditActions.AccessDenied && e.Detail == "report=fhir-bulk");
    }
}
