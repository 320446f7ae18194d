namespace KapClinic.Core.Scheduling;

/// <summary>One session of a proposed course plan, in the clinic's wall-clock time.</summary>
public sealed record PlannedSession(AppointmentType Type, int Number, int OfCount, DateOnly Date, TimeOnly Time, int Minutes)
{
    /// <summary>"Dosing 2 of 6".</summary>
    public string Label => $"{AppointmentTypeText.Name(Type)} {Number} of {OfCount}";
}
