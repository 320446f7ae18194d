using KapClinic.Core.Patients;

namespace KapClinic.Core.Screening;

/// <summary>
/// A patient's screening: the latest version, the earlier ones, and what today's medication list makes of the
/// latest answers (<see cref="CurrentResult"/>), so a page can say when the saved result is out of date.
/// </summary>
public sealed record ScreeningOverview(
    PatientBanner Patient,
    ScreeningVersionView? Latest,
    IReadOnlyList<ScreeningVersionSummary> EarlierVersions,
    IReadOnlyList<InteractingMedication> InteractingMedications,
    ScreeningResult? CurrentResult,
    IReadOnlyList<string> CurrentReasons)
{
    /// <summary>The medication list changed since the latest version was saved, and with it the derived result.</summary>
    public bool IsOutdated => Latest is not null
        && (Latest.Result != CurrentResult || !Latest.Reasons.SequenceEqual(CurrentReasons, StringComparer.Ordinal));
}
