using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Support;

/// <summary>Patients for clinical-record tests, added straight through the DbContext (the registry has its own tests).</summary>
public static class PatientSeed
{
    public static async Task<Guid> CreateAsync(
        KapClinicAppFactory factory,
        string firstName = "Robin",
        string lastName = "Okafor",
        PatientStatus status = PatientStatus.Referred,
        params (string Name, MedicationClass Class)[] medications)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var now = DateTimeOffset.UtcNow;
        var patient = new Patient(
            new PatientDetails(
                firstName, lastName, null, new DateOnly(1985, 4, 12), SexAtBirth.Female, null, null, null, null,
                PostalAddress.Empty, EmergencyContact.Empty, null, null, null),
            now);
        foreach (var move in PathTo(status))
        {
            patient.MoveTo(move);
        }

        foreach (var (name, medicationClass) in medications)
        {
            patient.AddMedication(name, null, medicationClass, now);
        }

        db.Patients.Add(patient);

        // Patient starts with Mrn = "" (not the CLR default), so EF sends "" instead of letting the database's
        // sequence default apply; set a unique one here until the registry's own creation path settles it.
        db.Entry(patient).Property(p => p.Mrn).CurrentValue = $"TST-{Guid.NewGuid():N}"[..12];
        await db.SaveChangesAsync();
        return patient.Id;
    }

    private static IEnumerable<PatientStatus> PathTo(PatientStatus status) => status switch
    {
        PatientStatus.Referred => [],
        PatientStatus.Screening => [PatientStatus.Screening],
        PatientStatus.Eligible => [PatientStatus.Screening, PatientStatus.Eligible],
        PatientStatus.Ineligible => [PatientStatus.Screening, PatientStatus.Ineligible],
        PatientStatus.Active => [PatientStatus.Screening, PatientStatus.Eligible, PatientStatus.Active],
        _ => [PatientStatus.Screening, PatientStatus.Eligible, PatientStatus.Active, status],
    };
}
