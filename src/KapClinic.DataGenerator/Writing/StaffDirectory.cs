namespace KapClinic.DataGenerator.Writing;

/// <summary>The generated users' ids and signature names: clinicians by index (0 = load.clinician01), the admin, the staff.</summary>
internal sealed record StaffDirectory(Guid Admin, Guid[] Staff, Guid[] Clinicians, string[] ClinicianNames, string[] ClinicianCredentials);
