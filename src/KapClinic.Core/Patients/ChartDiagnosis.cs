namespace KapClinic.Core.Patients;

public sealed record ChartDiagnosis(Guid Id, string Icd10Code, string Description, DateTimeOffset RecordedAt);
