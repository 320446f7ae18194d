namespace KapClinic.Core.Dosing;

/// <summary>
/// A prescriber's decision to give the dose despite the holds shown: who (a user flagged prescriber, confirmed by
/// the service) and why, one written reason per hold, in words that stay on the session for good.
/// </summary>
public sealed record GateOverrideRequest(Guid PrescriberId, string PrescriberName, IReadOnlyDictionary<DosingGate, string?> Reasons)
{
    /// <summary>The reason written for <paramref name="gate"/>, trimmed, or null when none was.</summary>
    public string? ReasonFor(DosingGate gate) =>
        Reasons.TryGetValue(gate, out var reason) && !string.IsNullOrWhiteSpace(reason) ? reason.Trim() : null;

    /// <summary>The holds among <paramref name="holds"/> that have no written reason of their own in <paramref name="reasons"/>.</summary>
    public static IReadOnlyList<GateFinding> Unreasoned(IEnumerable<GateFinding> holds, IReadOnlyDictionary<DosingGate, string?>? reasons) =>
        [.. holds.Where(h => h.IsHold && (reasons is null || !reasons.TryGetValue(h.Gate, out var reason) || string.IsNullOrWhiteSpace(reason)))];
}
