namespace KapClinic.Core.Patients;

public sealed record ChartAllergy(Guid Id, string Substance, string? Reaction, DateTimeOffset RecordedAt);
