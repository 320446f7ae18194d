namespace KapClinic.Core.Patients;

public sealed record ChartWeight(Guid Id, DateOnly MeasuredOn, decimal Kg);
