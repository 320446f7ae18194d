namespace KapClinic.Core.Dosing;

/// <summary>A reading as entered.</summary>
public sealed record VitalsReadingValues(
    DateTimeOffset TakenAt, VitalSigns Vitals, int? Moaas, Dissociation? Dissociation, int? Cadss6, Nausea? Nausea, string? Comment);
