using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Patients;

/// <summary>Reads the identifying banner of a patient (one small query), for pages about one patient.</summary>
public sealed class PatientBannerService(KapClinicDbContext db)
{
    public async Task<PatientBanner> GetAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var row = await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId && !p.IsArchived)
            .Select(p => new { p.Id, p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn, p.DateOfBirth, p.Status })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");
        return new PatientBanner(row.Id, Patient.FormatName(row.LegalFirstName, row.LegalLastName, row.PreferredName), row.Mrn, row.DateOfBirth, row.Status);
    }
}
