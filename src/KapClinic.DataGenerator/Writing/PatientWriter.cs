using System.Globalization;
using Bogus;
using KapClinic.Core.Courses;

namespace KapClinic.DataGenerator.Writing;

/// <summary>Patients (names from five locales, so many carry accents) and their treatment courses.</summary>
internal static class PatientWriter
{
    private static readonly string[] Locales = ["fr", "de", "es", "pt_BR", "en"];
    private static readonly string[] Sexes = ["Female", "Male", "Female", "Male", "Intersex"];
    private static readonly string[] Referrals = ["Self-referred", "Primary care", "Psychiatrist", "Therapist", "Insurance network"];
    private static readonly string[] Relations = ["Spouse", "Partner", "Parent", "Sibling", "Friend"];

    public static async Task WriteAsync(GenerationContext context, int seed, int mrnBase)
    {
        var fakers = Locales.Select((l, i) => new Faker(l) { Random = new Randomizer(seed + i) }).ToArray();
        var plan = context.Plan;
        var random = context.Random;
        await using (var table = await BulkTable.OpenAsync(
            context,
            "patients",
            "id, mrn, legal_first_name, legal_last_name, preferred_name, date_of_birth, sex_at_birth, pronouns, phone, email, primary_clinician_id, " +
            "referral_source, height_cm, status, is_archived, archived_at, created_at, address_line1, address_city, address_postal_code, address_region, " +
            "emergency_contact_name, emergency_contact_phone, emergency_contact_relationship",
            plan.Patients.Length))
        {
            for (var i = 0; i < plan.Patients.Length; i++)
            {
                var p = plan.Patients[i];
                var f = fakers[i % fakers.Length];
                var sex = Sexes[random.Next(Sexes.Length)];
                var first = f.Name.FirstName(sex == "Male" ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female);
                var last = f.Name.LastName();
                var archived = p.Course < 0 && random.NextDouble() < 0.05;
                table.Row();
                table.Uuid(p.Id);
                table.Text(Mrn(mrnBase + p.Mrn));
                table.Text(first);
                table.Text(last);
                table.Text(random.NextDouble() < 0.1 ? f.Name.FirstName() : null);
                table.Date(DateOnly.FromDateTime(p.CreatedAt).AddDays(-random.Next(19 * 365, 75 * 365)));
                table.Text(sex);
                table.Text(sex == "Intersex" ? "they/them" : null);
                table.Text(string.Create(CultureInfo.InvariantCulture, $"+1 (555) 01{random.Next(10, 99)}-{random.Next(1000, 9999)}"));
                table.Text(string.Create(CultureInfo.InvariantCulture, $"patient{mrnBase + p.Mrn}@example.org"));
                table.Uuid(context.Staff.Clinicians[p.Clinician]);
                table.Text(Referrals[random.Next(Referrals.Length)]);
                table.Numeric(Math.Round((decimal)(150 + (random.NextDouble() * 40)), 1));
                table.Text(p.Status.ToString());
                table.Bool(archived);
                table.Time(archived ? p.CreatedAt.AddDays(30) : null);
                table.Time(p.CreatedAt);
                table.Text(string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 999)} {f.Address.StreetName()}"));
                table.Text(f.Address.City());
                table.Text(random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture));
                table.Text(f.Address.State());
                table.Text($"{f.Name.FirstName()} {last}");
                table.Text(string.Create(CultureInfo.InvariantCulture, $"+1 (555) 02{random.Next(10, 99)}-{random.Next(1000, 9999)}"));
                table.Text(Relations[random.Next(Relations.Length)]);
            }
        }

        await using var courses = await BulkTable.OpenAsync(
            context, "treatment_courses", "id, patient_id, protocol_id, start_date, status, stop_reason, end_date, created_by, created_at", plan.Courses.Length);
        foreach (var c in plan.Courses)
        {
            courses.Row();
            courses.Uuid(c.Id);
            courses.Uuid(plan.Patients[c.Patient].Id);
            courses.Uuid(DefaultProtocols.All[c.Protocol].Id);
            courses.Date(DateOnly.FromDateTime(plan.Day(c.StartDay)));
            courses.Text(c.Status.ToString());
            courses.Text(c.Status == CourseStatus.Stopped ? "Patient chose to stop after discussing side effects." : null);
            courses.Date(c.EndDay >= 0 ? DateOnly.FromDateTime(plan.Day(c.EndDay)) : null);
            courses.Uuid(context.Staff.Clinicians[c.Prescriber]);
            courses.Time(plan.Day(c.StartDay - 7).AddHours(14));
        }
    }

    public static string Mrn(int n) => "KAP-" + (n < 1_000_000 ? n.ToString("000000", CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture));
}
