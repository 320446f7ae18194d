using KapClinic.Core.Patients;

namespace KapClinic.Core.Screening;

/// <summary>One screening version with the patient it belongs to, for reading an earlier version.</summary>
public sealed record ScreeningVersionDetails(PatientBanner Patient, ScreeningVersionView Version, int LatestVersionNumber)
{
    public bool IsLatest => Version.VersionNumber == LatestVersionNumber;
}
