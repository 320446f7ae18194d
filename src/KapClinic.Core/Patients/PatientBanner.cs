using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Patients;

/// <summary>Who a clinical page is about: the name and MRN shown at its top (one small query).</summary>
public sealed record PatientBanner(Guid Id, string DisplayName, string Mrn, PatientStatus Status, bool IsArchived)
{
    public static async Task<PatientBanner> LoadAsync(KapClinicDbContext db, Guid patientId, CancellationToken cancellationToken = default)
    {
        var row = await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new { p.LegalFirstName, p.LegalLastName, p.PreferredName, p.Mrn, p.Status, p.IsArchived })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That patient does not exist.");
        return new PatientBanner(patientId, Patient.FormatName(row.LegalFirstName, row.LegalLastName, row.PreferredName), row.Mrn, row.Status, row.IsArchived);
    }
}
