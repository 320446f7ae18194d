using KapClinic.Core.Patients;

namespace KapClinic.Web.Pages.Patients;

/// <summary>What the shared patient fields (_PatientFields) need from the Create and Edit pages.</summary>
public interface IPatientForm
{
    PatientInput Input { get; }

    IReadOnlyList<ClinicianOption> Clinicians { get; }
}
