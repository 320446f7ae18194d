using KapClinic.Core.Consents;
using KapClinic.Core.Courses;

namespace KapClinic.Core.Patients;

public sealed record ChartConsent(
    Guid Id,
    ConsentKind Kind,
    AdministrationRoute? Route,
    string DocumentName,
    string DocumentVersion,
    DateOnly SignedOn,
    DateOnly ExpiresOn,
    string PatientTypedName,
    string WitnessName)
{
    /// <summary>A consent that expires within this many days shows a warning so it can be renewed in time.</summary>
    public const int ExpiryWarningDays = 30;

    public ConsentStanding StandingOn(DateOnly today) =>
        today >= ExpiresOn ? ConsentStanding.Expired
        : ExpiresOn.DayNumber - today.DayNumber <= ExpiryWarningDays ? ConsentStanding.ExpiringSoon
        : ConsentStanding.Current;
}
