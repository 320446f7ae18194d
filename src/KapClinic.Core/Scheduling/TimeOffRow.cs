namespace KapClinic.Core.Scheduling;

public sealed record TimeOffRow(Guid Id, DateOnly FirstDay, DateOnly LastDay, string Reason);
