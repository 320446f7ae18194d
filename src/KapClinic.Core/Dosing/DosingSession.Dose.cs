using KapClinic.Core.Common;
using KapClinic.Core.Courses;

namespace KapClinic.Core.Dosing;

public sealed partial class DosingSession
{
    /// <summary>
    /// Records an administration (the first dose or a further one); the record is then only added to, never changed.
    /// The session weighs the safety gates itself (<see cref="DosingGates.Evaluate"/> on the session's total) from the
    /// course's <paramref name="readiness"/> and the clinic's <paramref name="thresholds"/>: any hold refuses the dose
    /// (<see cref="DosingGateException"/>) unless <paramref name="overrideRequest"/> gives every hold its own written
    /// reason. The route is the protocol's.
    /// </summary>
    public DoseAdministration Administer(
        DoseDetails dose, Readiness readiness, DosingThresholds thresholds, GateOverrideRequest? overrideRequest, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dose);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(thresholds);
        EnsureDraft();
        EnsureNotClosed("give a dose");
        if (dose.Route != Route)
        {
            throw new RuleViolationException(nameof(DoseDetails.Route), RouteMessage);
        }

        if (dose.AdministeredAt < StartedAt || dose.AdministeredAt > now.AddMinutes(FutureToleranceMinutes))
        {
            throw new RuleViolationException("AdministeredAt", "The dose time must be between the session's start and now.");
        }

        // The dose's own rules (devices, lot, infusion times) first, so a typo is named on its field before any gate.
        var administration = new DoseAdministration(this, administrations.Count + 1, dose, now);
        var holds = DosingGates.Evaluate(this, readiness, thresholds, dose.DoseMg, TotalDoseMg).Where(f => f.IsHold).ToList();
        var unreasoned = GateOverrideRequest.Unreasoned(holds, overrideRequest?.Reasons);
        if (unreasoned.Count > 0)
        {
            throw new DosingGateException(holds, unreasoned);
        }

        administrations.Add(administration);
        foreach (var hold in holds)
        {
            overrides.Add(new GateOverride(this, administration.Id, hold, overrideRequest!, now));
        }

        // The session row changes too, so a dose posted from a form opened before another change is a conflict.
        UpdatedAtNow(now);
        return administration;
    }

    /// <summary>Why another route is refused: "This session follows the Intravenous protocol: the route is Intravenous."</summary>
    public string RouteMessage => $"This session follows the {Route} protocol: the route is {Route}.";
}
