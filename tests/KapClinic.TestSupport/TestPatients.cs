using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.TestSupport;

/// <summary>Builds patients straight through the domain and the DbContext, for tests about other features.</summary>
public static class TestPatients
{
    public static PatientDetails Details(string first = "Test", string last = "Patient", string? preferred = null, DateOnly? dateOfBirth = null) =>
        new(first, last, preferred, dateOfBirth ?? new DateOnly(1985, 6, 15), SexAtBirth.Female, null, null, "+1 555 0100 200",
            "patient@example.org", PostalAddress.Empty, EmergencyContact.Empty, null, null, 168m);

    public static async Task<Guid> CreateAsync(KapClinicAppFactory factory, PatientDetails? details = null, Action<Patient>? configure = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var patient = new Patient(details ?? Details(), DateTimeOffset.UtcNow);
        configure?.Invoke(patient);
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
