namespace KapClinic.Core.Dosing;

/// <summary>
/// A prescriber's decision to give the dose despite the holds shown: who (a user flagged prescriber, confirmed by
/// the service) and why, in words that stay on the session for good.
/// </summary>
public sealed record GateOverrideRequest(Guid PrescriberId, string PrescriberName, string Reason);
