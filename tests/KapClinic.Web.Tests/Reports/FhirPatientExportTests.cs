// Firely's model marks every element nullable; the assertions below fail clearly when one is missing.
#nullable disable warnings
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Reports;
using KapClinic.Core.Reports.Fhir;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace KapClinic.Web.Tests.Reports;

public sealed class FhirPatientExportTests(FhirFixture fixture) : IClassFixture<FhirFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_patient_record_parses_back_strictly_as_a_collection_bundle_with_one_resource_per_record()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var (bundle, counts) = await FhirTestReader.ExportPatientAsync(App, seed.PatientId, admin);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Single(bundle.All<FhirPatient>());
        Assert.Equal(3, bundle.All<Encounter>().Count()); // preparation, dosing, integration
        Assert.Single(bundle.All<MedicationAdministration>());
        Assert.Equal(16, bundle.All<Observation>().Count()); // pre-dose 4 vitals + weight, 2 readings x 4, chart weight, PHQ-9 and GAD-7 totals
        Assert.Equal(2, bundle.All<QuestionnaireResponse>().Count());
        Assert.Single(bundle.All<Hl7.Fhir.Model.Appointment>());
        Assert.Equal(24, bundle.Entry.Count);
        Assert.Equal(16, counts["Observation"]);
        Assert.Equal(24, counts.Total);
    }

    [Fact]
    public async Task Every_reference_between_entries_resolves_inside_the_bundle()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var clinician = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);

        var (bundle, _) = await FhirTestReader.ExportPatientAsync(App, seed.PatientId, clinician);

        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToList();
        Assert.All(fullUrls, u => Assert.StartsWith("urn:uuid:", u, StringComparison.Ordinal));
        Assert.Equal(fullUrls.Count, fullUrls.Distinct(StringComparer.Ordinal).Count());
        var references = bundle.Entry.SelectMany(e => e.Resource.AllReferences()).Select(r => r.Reference).Where(r => r is not null).ToList();
        Assert.NotEmpty(references);
        Assert.All(references.Where(r => !r!.StartsWith('#')), r => Assert.Contains(r, fullUrls));
        var patientUrl = "urn:uuid:" + seed.PatientId;
        Assert.All(bundle.All<Encounter>(), e => Assert.Equal(patientUrl, e.Subject.Reference));
        var dose = Assert.Single(bundle.All<MedicationAdministration>());
        Assert.Equal("urn:uuid:" + seed.DosingSessionId, dose.Context.Reference);
        Assert.Contains(bundle.All<Encounter>(), e => e.Appointment.Count == 0 && e.Participant.Single().Individual.Identifier.Value == seed.ClinicianId.ToString());
    }

    [Fact]
    public async Task Vital_signs_and_scale_totals_carry_their_LOINC_codes_categories_and_values()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var (bundle, _) = await FhirTestReader.ExportPatientAsync(App, seed.PatientId, admin);
        var observations = bundle.All<Observation>().ToList();

        var panels = observations.Where(o => o.Code.Coding.Any(c => c.System == FhirCodes.Loinc && c.Code == "85354-9")).ToList();
        Assert.Equal(3, panels.Count);
        var preDose = panels.OrderBy(p => ((FhirDateTime)p.Effective).ToDateTimeOffset(TimeSpan.Zero)).First();
        Assert.Equal(128m, preDose.Component.Single(c => c.Code.Coding[0].Code == "8480-6").Value.Number());
        Assert.Equal(82m, preDose.Component.Single(c => c.Code.Coding[0].Code == "8462-4").Value.Number());
        Assert.Equal("mm[Hg]", ((Quantity)preDose.Component[0].Value).Code);
        Assert.Equal([76m, 80m, 80m], Values(observations, "8867-4"));
        Assert.Equal([97m, 98m, 98m], Values(observations, "59408-5"));
        Assert.Equal([14m, 14m, 14m], Values(observations, "9279-1"));
        Assert.Equal([70m, 71.5m], Values(observations, "29463-7"));
        Assert.Equal("%", ((Quantity)observations.Coded("59408-5").Value).Code);
        Assert.Equal("/min", ((Quantity)observations.Coded("8867-4").Value).Code);
        Assert.All(observations.Where(o => o.Category[0].Coding[0].Code == "vital-signs"), o => Assert.Equal(ObservationStatus.Final, o.Status));

        var phq9 = observations.Coded("44261-6");
        Assert.Equal(11m, phq9.Value.Number());
        Assert.Equal("survey", phq9.Category[0].Coding[0].Code);
        Assert.Equal(7m, observations.Coded("70274-6").Value.Number());
        Assert.Equal(14, observations.Count(o => o.Category[0].Coding[0].Code == "vital-signs"));
    }

    [Fact]
    public async Task The_dose_carries_its_route_dose_rate_lot_time_and_performer()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var (bundle, _) = await FhirTestReader.ExportPatientAsync(App, seed.PatientId, admin);

        var dose = Assert.Single(bundle.All<MedicationAdministration>());
        Assert.Equal(MedicationAdministration.MedicationAdministrationStatusCodes.Completed, dose.Status);
        Assert.Equal("47625008", dose.Dosage.Route.Coding.Single(c => c.System == FhirCodes.Snomed).Code);
        Assert.Equal(35m, dose.Dosage.Dose.Value);
        Assert.Equal("mg", dose.Dosage.Dose.Code);
        Assert.Equal(FhirCodes.Ucum, dose.Dosage.Dose.System);
        Assert.Equal(5.25m, ((Quantity)dose.Dosage.Rate).Value);
        var medication = Assert.IsType<Medication>(Assert.Single(dose.Contained));
        Assert.Equal("#" + medication.Id, ((ResourceReference)dose.Medication).Reference);
        Assert.Equal("6130", medication.Code.Coding.Single(c => c.System == FhirCodes.RxNorm).Code);
        Assert.Equal("ketamine", medication.Code.Text);
        Assert.Equal("KET-24-118", medication.Batch.LotNumber);
        var period = Assert.IsType<Period>(dose.Effective);
        Assert.Equal(TimeSpan.FromMinutes(40), period.EndElement.ToDateTimeOffset(TimeSpan.Zero) - period.StartElement.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal(seed.Start.AddMinutes(15), period.StartElement.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal(seed.ClinicianId.ToString(), dose.Performer.Single().Actor.Identifier.Value);
    }

    [Fact]
    public async Task Answers_go_to_questionnaire_responses_by_item_number_without_item_wording()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var (bundle, _) = await FhirTestReader.ExportPatientAsync(App, seed.PatientId, admin);

        var phq9 = bundle.All<QuestionnaireResponse>().Single(q => q.Item.Count == 9);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], phq9.Item.Select(i => i.LinkId));
        Assert.Equal(FhirRecordSeed.Phq9Answers, phq9.Item.Select(i => ((Integer)i.Answer.Single().Value).Value!.Value));
        Assert.All(phq9.Item, i => Assert.Null(i.Text));
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, phq9.Status);
        var total = bundle.All<Observation>().Coded("44261-6");
        Assert.Equal("urn:uuid:" + phq9.Id, total.DerivedFrom.Single().Reference);
    }

    [Fact]
    public async Task The_patient_and_the_appointment_carry_identifier_name_birth_date_contact_status_and_participants()
    {
        var seed = await FhirRecordSeed.CreateAsync(App, first: "Zoë");
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var (bundle, _) = await FhirTestReader.ExportPatientAsync(App, seed.PatientId, admin);

        var patient = Assert.Single(bundle.All<FhirPatient>());
        var mrn = Assert.Single(patient.Identifier);
        Assert.Equal(seed.Mrn, mrn.Value);
        Assert.EndsWith("/sid/mrn", mrn.System, StringComparison.Ordinal);
        Assert.Equal("Ñúñez, \"Jr\"", patient.Name[0].Family);
        Assert.Equal("Zoë", patient.Name[0].Given.Single());
        Assert.Equal("1985-06-15", patient.BirthDate);
        Assert.Equal(AdministrativeGender.Female, patient.Gender);
        Assert.Equal(2, patient.Telecom.Count);
        Assert.Equal("Portland", patient.Address.Single().City);

        var appointment = Assert.Single(bundle.All<Hl7.Fhir.Model.Appointment>());
        Assert.Equal(Hl7.Fhir.Model.Appointment.AppointmentStatus.Booked, appointment.Status);
        Assert.Equal(TimeSpan.FromHours(3), appointment.End - appointment.Start);
        Assert.Equal(3, appointment.Participant.Count);
        Assert.Equal("urn:uuid:" + seed.PatientId, appointment.Participant[0].Actor.Reference);
    }

    [Fact]
    public async Task The_export_is_audited_with_the_patient_and_the_resource_counts()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var clinician = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);

        await FhirTestReader.ExportPatientAsync(App, seed.PatientId, clinician);

        var exported = Assert.Single(await FhirTestReader.AuditAsync(App, clinician), e => e.Action == AuditActions.ReportExported);
        Assert.Equal(AuditOutcome.Success, exported.Outcome);
        Assert.Equal(seed.PatientId, exported.PatientId);
        Assert.Contains("report=fhir-patient", exported.Detail, StringComparison.Ordinal);
        Assert.Contains($"patient={seed.PatientId}", exported.Detail, StringComparison.Ordinal);
        Assert.Contains("rows=24 Patient=1 Encounter=3 MedicationAdministration=1 Observation=16 QuestionnaireResponse=2 Appointment=1", exported.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Mrn, exported.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_may_not_export_a_record_and_the_attempt_is_audited()
    {
        var seed = await FhirRecordSeed.CreateAsync(App);
        var staff = await TestUsers.CreateAsync(App, ClinicRoles.Staff);

        await Assert.ThrowsAsync<ReportAccessDeniedException>(() => FhirTestReader.ExportPatientAsync(App, seed.PatientId, staff));

        var audit = await FhirTestReader.AuditAsync(App, staff);
        Assert.Contains(audit, e => e.Action == AuditActions.AccessDenied && e.Detail == "report=fhir-patient");
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.ReportExported);
    }

    [Fact]
    public async Task An_unknown_patient_is_not_found()
    {
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        await Assert.ThrowsAsync<NotFoundException>(() => FhirTestReader.ExportPatientAsync(App, Guid.NewGuid(), admin));
    }

    [Fact]
    public async Task The_number_of_queries_does_not_grow_with_the_record()
    {
        var small = await FhirRecordSeed.CreateAsync(App, readings: 1);
        var large = await FhirRecordSeed.CreateAsync(App, readings: 5);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        fixture.Commands.Reset();
        await FhirTestReader.ExportPatientAsync(App, small.PatientId, admin);
        var forSmall = fixture.Commands.Commands.Count;
        fixture.Commands.Reset();
        var (bundle, _) = await FhirTestReader.ExportPatientAsync(App, large.PatientId, admin);

        Assert.Equal(forSmall, fixture.Commands.Commands.Count);
        Assert.Equal(24 + 12, bundle.Entry.Count);
    }

    private static List<decimal> Values(List<Observation> observations, string loinc) =>
        [.. observations.Where(o => o.Code.Coding[0].Code == loinc).Select(o => o.Value.Number()!.Value).Order()];
}
