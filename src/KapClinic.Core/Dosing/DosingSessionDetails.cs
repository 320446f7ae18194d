using KapClinic.Core.Courses;
using KapClinic.Core.Integration;
using KapClinic.Core.Patients;

namespace KapClinic.Core.Dosing;

/// <summary>
/// One dosing session for its page: the session (not tracked, with every child row, addenda and co-signature),
/// names of the people it mentions, the clinic's thresholds, what the gates say now (without a dose amount), the
/// next reading due, alerts per reading, the earliest discharge time, and the measures recorded for the session.
/// </summary>
public sealed record DosingSessionDetails(
    PatientBanner Patient,
    string ProtocolName,
    DosingSession Session,
    IReadOnlyDictionary<Guid, string> Names,
    DosingThresholds Thresholds,
    IReadOnlyList<GateFinding> Gates,
    NextReading? NextReading,
    IReadOnlyDictionary<Guid, IReadOnlyList<ReadingAlert>> AlertsByReading,
    DateTimeOffset? EarliestDischargeAt,
    CssrsSnapshot? PreDoseCssrs,
    IReadOnlyList<SessionMeasure> Measures,
    IReadOnlyList<StaffOption> Prescribers,
    IReadOnlyList<StaffOption> Clinicians,
    DateTimeOffset Now)
{
    public string NameOf(Guid userId) => Names.TryGetValue(userId, out var name) ? name : "(unknown user)";

    /// <summary>Whole minutes since the first dose, while monitoring.</summary>
    public int? MinutesSinceDose => Session.FirstDoseAt is { } first && !Session.IsDischarged ? (int)Math.Floor((Now - first).TotalMinutes) : null;

    public bool IsEsketamine => Session.Drug == DrugKind.Esketamine;
}
