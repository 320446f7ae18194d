namespace KapClinic.Soak;

/// <summary>A dosing session in progress (not discharged, not signed): readings may be added to it.</summary>
public sealed record OpenSession(Guid PatientId, Guid SessionId);
