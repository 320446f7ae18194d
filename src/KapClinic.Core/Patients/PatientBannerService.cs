using KapClinic.Core.Data;

namespace KapClinic.Core.Patients;

/// <summary>Reads the identifying banner of a patient (one small query), for pages about one patient.</summary>
public sealed class PatientBannerService(KapClinicDbContext db)
{
    public Task<PatientBanner> GetAsync(Guid patientId, CancellationToken cancellationToken = default) =>
        PatientBanner.LoadAsync(db, patientId, cancellationToken);
}
