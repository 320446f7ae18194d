using System.Globalization;
using KapClinic.Core.Patients;

namespace KapClinic.Web.Pages.Patients;

/// <summary>A field whose saved value differs from what this user typed: shown after a concurrent edit.</summary>
public sealed record PatientFieldDifference(string Label, string Saved)
{
    private static readonly (string Label, Func<PatientInput, string?> Value)[] Fields =
    [
        ("Legal first name", i => i.LegalFirstName),
        ("Legal last name", i => i.LegalLastName),
        ("Preferred name", i => i.PreferredName),
        ("Date of birth", i => i.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("Sex assigned at birth", i => i.SexAtBirth?.ToString()),
        ("Gender identity", i => i.GenderIdentity),
        ("Pronouns", i => i.Pronouns),
        ("Phone", i => i.Phone),
        ("Email", i => i.Email),
        ("Address line 1", i => i.AddressLine1),
        ("Address line 2", i => i.AddressLine2),
        ("City", i => i.City),
        ("State or region", i => i.Region),
        ("Postal code", i => i.PostalCode),
        ("Emergency contact", i => i.EmergencyContactName),
        ("Emergency contact's relationship", i => i.EmergencyContactRelationship),
        ("Emergency contact's phone", i => i.EmergencyContactPhone),
        ("Referral source", i => i.ReferralSource),
        ("Height (cm)", i => i.HeightCm?.ToString("0.#", CultureInfo.InvariantCulture)),
    ];

    public static IReadOnlyList<PatientFieldDifference> Between(PatientInput typed, PatientInput saved, IReadOnlyList<ClinicianOption> clinicians)
    {
        var differences = Fields
            .Where(f => !string.Equals(Normal(f.Value(typed)), Normal(f.Value(saved)), StringComparison.Ordinal))
            .Select(f => new PatientFieldDifference(f.Label, Normal(f.Value(saved)) ?? "(empty)"))
            .ToList();
        if (typed.PrimaryClinicianId != saved.PrimaryClinicianId)
        {
            var name = clinicians.FirstOrDefault(c => c.Id == saved.PrimaryClinicianId)?.Name ?? "(not assigned)";
            differences.Add(new PatientFieldDifference("Primary clinician", name));
        }

        return differences;
    }

    private static string? Normal(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
