namespace KapClinic.Core.Scheduling;

/// <summary>The columns of a calendar grid: one per room or one per clinician.</summary>
public enum CalendarGrouping
{
    ByRoom,
    ByClinician,
}
