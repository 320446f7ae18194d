using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Demo;

/// <summary>
/// A living demo clinic: about 30 patients across every status, with screenings, consents, courses on the default
/// protocols, medications, allergies, diagnoses, weights, months of PHQ-9 / GAD-7 results and the clinician's notes
/// (<see cref="DemoNotesSeeder"/>). Deterministic (fixed
/// seed), so every developer sees the same clinic. Only ever run by <see cref="DemoSeeder"/>.
/// </summary>
public sealed class DemoClinicSeeder(KapClinicDbContext db, DemoNotesSeeder notes, TimeProvider clock)
{
    private static readonly (string First, string Last, string? Preferred, SexAtBirth Sex)[] People =
    [
        ("María José", "Núñez", "Majo", SexAtBirth.Female), ("Jürgen", "Müller", null, SexAtBirth.Male), ("Zoë", "Brontë", null, SexAtBirth.Female),
        ("François", "Lefèvre", null, SexAtBirth.Male), ("Siobhán", "Ó Briain", null, SexAtBirth.Female), ("Ahmed", "Khalil", null, SexAtBirth.Male),
        ("Chloé", "Dubois", null, SexAtBirth.Female), ("José", "Álvarez", "Pepe", SexAtBirth.Male), ("Ingrid", "Sørensen", null, SexAtBirth.Female),
        ("Nguyễn", "Thị Lan", "Lan", SexAtBirth.Female), ("Marcus", "Johnson", null, SexAtBirth.Male), ("Priya", "Raghunathan", null, SexAtBirth.Female),
        ("Björn", "Åkesson", null, SexAtBirth.Male), ("Renée", "Castañeda", null, SexAtBirth.Female), ("Tomás", "Ibáñez", null, SexAtBirth.Male),
        ("Amara", "Okafor", null, SexAtBirth.Female), ("Elliot", "Park", null, SexAtBirth.Intersex), ("Hannah", "Weiß", null, SexAtBirth.Female),
        ("Kwame", "Mensah", null, SexAtBirth.Male), ("Léa", "Girard", null, SexAtBirth.Female), ("Dmitri", "Volkov", null, SexAtBirth.Male),
        ("Aisling", "Nic Giolla", null, SexAtBirth.Female), ("Rafael", "Gonçalves", null, SexAtBirth.Male), ("Yuki", "Tanaka", null, SexAtBirth.Female),
        ("Samuel", "O'Connor", "Sam", SexAtBirth.Male), ("Fatima", "Zahra", null, SexAtBirth.Female), ("Mateo", "Muñoz", null, SexAtBirth.Male),
        ("Grace", "Lee", null, SexAtBirth.Female), ("Oskar", "Łukasiewicz", null, SexAtBirth.Male), ("Noémie", "Bélanger", null, SexAtBirth.Female),
    ];

    private static readonly PatientStatus[] Statuses =
    [
        PatientStatus.Active, PatientStatus.Active, PatientStatus.Screening, PatientStatus.Maintenance, PatientStatus.Referred,
        PatientStatus.Active, PatientStatus.Eligible, PatientStatus.Active, PatientStatus.Discharged, PatientStatus.Maintenance,
        PatientStatus.Screening, PatientStatus.Active, PatientStatus.Ineligible, PatientStatus.Active, PatientStatus.Referred,
        PatientStatus.Maintenance, PatientStatus.Active, PatientStatus.Eligible, PatientStatus.Discharged, PatientStatus.Active,
        PatientStatus.Screening, PatientStatus.Maintenance, PatientStatus.Active, PatientStatus.Referred, PatientStatus.Eligible,
        PatientStatus.Ineligible, PatientStatus.Maintenance, PatientStatus.Screening, PatientStatus.Discharged, PatientStatus.Active,
    ];

    private static readonly PatientStatus[] PathToMaintenance =
        [PatientStatus.Screening, PatientStatus.Eligible, PatientStatus.Active, PatientStatus.Maintenance];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Patients.AnyAsync(cancellationToken))
        {
            return;
        }

        var clinician = await db.Users.Where(u => u.IsPrescriber && !u.IsDisabled).OrderBy(u => u.CreatedAt).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(20261128);
        for (var i = 0; i < People.Length; i++)
        {
            var person = People[i];
            var status = Statuses[i];
            var started = now.AddDays(-random.Next(60, 200));
            var patient = new Patient(Details(person, i, clinician.Id, random), started);
            foreach (var step in PathTo(status))
            {
                patient.MoveTo(step);
            }

            db.Patients.Add(patient);
            patient.RecordWeight(DateOnly.FromDateTime(started.UtcDateTime), 58 + random.Next(0, 40), clinician.Id, started);
            AddHistory(patient, i);
            if (status is PatientStatus.Referred)
            {
                continue;
            }

            AddScreening(patient, status, clinician, started.AddDays(3));
            if (status is PatientStatus.Screening or PatientStatus.Ineligible)
            {
                continue;
            }

            AddConsent(patient, clinician, i == 5 ? today.AddMonths(-12).AddDays(12) : DateOnly.FromDateTime(started.AddDays(5).UtcDateTime), started.AddDays(5));
            AddCourse(patient, status, clinician.Id, DateOnly.FromDateTime(started.AddDays(10).UtcDateTime), started, i);
            if (status is not PatientStatus.Eligible)
            {
                AddMeasures(patient, clinician.Id, started.AddDays(7), now, random, responder: i % 3 != 2, suicideRiskLatest: i == 1);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await notes.SeedAsync(clinician, cancellationToken);
    }

    private static PatientDetails Details((string First, string Last, string? Preferred, SexAtBirth Sex) person, int i, Guid clinicianId, Random random) => new(
        person.First,
        person.Last,
        person.Preferred,
        new DateOnly(1958 + random.Next(0, 45), 1 + random.Next(0, 12), 1 + random.Next(0, 28)),
        person.Sex,
        i == 16 ? "Non-binary" : null,
        i == 16 ? "they/them" : null,
        $"+1 (555) 01{i:00}-{random.Next(1000, 9999)}",
        $"patient{i + 1:00}@example.org",
        new PostalAddress($"{100 + (i * 7)} Lakeside Avenue", null, "Burlington", "VT", "05401"),
        new EmergencyContact($"Contact of {person.First}", i % 2 == 0 ? "Spouse" : "Sibling", $"+1 (555) 02{i:00}-1234"),
        clinicianId,
        i % 3 == 0 ? "Primary care referral" : "Self-referred",
        160 + random.Next(0, 30));

    private static IEnumerable<PatientStatus> PathTo(PatientStatus status) => status switch
    {
        PatientStatus.Referred => [],
        PatientStatus.Screening => [PatientStatus.Screening],
        PatientStatus.Ineligible => [PatientStatus.Screening, PatientStatus.Ineligible],
        PatientStatus.Eligible => [PatientStatus.Screening, PatientStatus.Eligible],
        PatientStatus.Active => [PatientStatus.Screening, PatientStatus.Eligible, PatientStatus.Active],
        PatientStatus.Maintenance => PathToMaintenance,
        _ => [.. PathToMaintenance, PatientStatus.Discharged],
    };

    private static void AddHistory(Patient patient, int i)
    {
        var at = patient.CreatedAt;
        patient.AddDiagnosis(i % 4 == 3 ? "F43.10" : "F33.1", i % 4 == 3 ? "Post-traumatic stress disorder, unspecified" : "Major depressive disorder, recurrent, moderate", at);
        if (i % 5 == 0)
        {
            patient.AddDiagnosis("F41.1", "Generalized anxiety disorder", at);
        }

        patient.AddMedication("Sertraline", "100 mg daily", MedicationClass.Other, at);
        if (i % 6 == 1)
        {
            patient.AddMedication("Lorazepam", "0.5 mg as needed", MedicationClass.Benzodiazepine, at);
        }

        if (i % 7 == 2)
        {
            patient.AddAllergy("Penicillin", "Hives", at);
        }
    }

    private void AddScreening(Patient patient, PatientStatus status, ClinicUser clinician, DateTimeOffset at)
    {
        var ineligible = status == PatientStatus.Ineligible;
        var responses = ScreeningItems.All.Select(item => new ScreeningResponse(
            item.Item,
            ineligible && item.Item == ScreeningItem.PsychosisOrMania ? ScreeningAnswer.Yes
                : status == PatientStatus.Screening && item.Item == ScreeningItem.PregnancyOrBreastfeeding ? ScreeningAnswer.Unknown
                : ScreeningAnswer.No,
            ineligible && item.Item == ScreeningItem.PsychosisOrMania ? "Bipolar I with psychotic features (2019)" : null)).ToList();
        var medications = patient.Medications.Where(m => m.IsActive).Select(m => (m.Name, m.Class));
        var (result, reasons) = ScreeningDerivation.Derive(responses, medications);
        var screening = new ScreeningVersion(patient.Id, 1, responses, result, reasons, clinician.Id, at);
        if (status != PatientStatus.Screening)
        {
            screening.Sign(clinician.Id, clinician.DisplayName, clinician.Credentials, at.AddHours(2));
        }

        db.Screenings.Add(screening);
    }

    private void AddConsent(Patient patient, ClinicUser clinician, DateOnly signedOn, DateTimeOffset at) =>
        db.Consents.Add(new Consent(
            patient.Id, ConsentKind.KapTreatment, null, "Ketamine-assisted psychotherapy informed consent", "2026.1", signedOn,
            $"{patient.LegalFirstName} {patient.LegalLastName}", clinician.Id, clinician.SignatureName, 12, at));

    private void AddCourse(Patient patient, PatientStatus status, Guid clinicianId, DateOnly start, DateTimeOffset at, int i)
    {
        var protocol = DefaultProtocols.All[i % DefaultProtocols.All.Count].Id;
        var course = new TreatmentCourse(patient.Id, protocol, start, clinicianId, at);
        if (status != PatientStatus.Eligible)
        {
            course.Start();
        }

        if (status is PatientStatus.Maintenance or PatientStatus.Discharged)
        {
            course.Complete(start.AddDays(28));
        }

        db.TreatmentCourses.Add(course);
    }

    private void AddMeasures(Patient patient, Guid enteredBy, DateTimeOffset from, DateTimeOffset now, Random random, bool responder, bool suicideRiskLatest)
    {
        var baseline = 16 + random.Next(0, 8);
        var visits = Math.Max(2, (int)((now - from).TotalDays / 14));
        for (var visit = 0; visit < visits; visit++)
        {
            var takenAt = from.AddDays(visit * 14);
            var progress = (double)visit / Math.Max(visits - 1, 1);
            var target = (int)Math.Round(baseline * (1 - ((responder ? 0.75 : 0.25) * progress)));
            var phq9 = Spread(target, 9, 3, random);
            phq9[8] = suicideRiskLatest && visit == visits - 1 ? 1 : 0;
            Add(patient.Id, Instrument.Phq9, phq9, takenAt, enteredBy);
            Add(patient.Id, Instrument.Gad7, Spread((int)(target * 0.7), 7, 3, random), takenAt, enteredBy);
        }

        if (suicideRiskLatest)
        {
            Add(patient.Id, Instrument.CssrsScreener, [1, 1, 0, 0, 0, 0, 0], now.AddDays(-1), enteredBy);
        }
    }

    private void Add(Guid patientId, Instrument instrument, int[] answers, DateTimeOffset takenAt, Guid enteredBy)
    {
        var score = MeasureScoring.Score(instrument, answers);
        db.MeasureResponses.Add(new MeasureResponse(
            patientId, instrument, answers, score.Total, score.Band, score.Severity?.ToString(), score.Alerts.Select(a => a.ToString()),
            score.Subscales, takenAt, enteredBy, null, null, takenAt));
    }

    // Spreads a total over items, each within 0..max.
    private static int[] Spread(int total, int items, int max, Random random)
    {
        var answers = new int[items];
        var remaining = Math.Clamp(total, 0, items * max);
        while (remaining > 0)
        {
            var i = random.Next(items);
            if (answers[i] < max)
            {
                answers[i]++;
                remaining--;
            }
        }

        return answers;
    }
}
