namespace KapClinic.Core.Scheduling;

/// <summary>Whole days, in clinic time, when a clinician does not work.</summary>
public sealed record TimeOffPeriod(DateOnly FirstDay, DateOnly LastDay, string Reason)
{
    public bool Covers(DateOnly day) => FirstDay <= day && day <= LastDay;
}
