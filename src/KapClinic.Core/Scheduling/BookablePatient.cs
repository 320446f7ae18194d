namespace KapClinic.Core.Scheduling;

/// <summary>A patient who may be booked (not archived, not discharged).</summary>
public sealed record BookablePatient(Guid Id, string DisplayName, string Mrn);
