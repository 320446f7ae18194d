namespace KapClinic.Core.Dosing;

/// <summary>When the next monitoring reading is due, and whether it is late.</summary>
public sealed record NextReading(DateTimeOffset DueAt, int IntervalMinutes, bool IsOverdue);
