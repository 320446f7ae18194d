namespace KapClinic.Core.Scheduling;

/// <summary>A row of a day grid: its time slot and one cell per column, in column order.</summary>
public sealed record CalendarRow(CalendarSlot Slot, IReadOnlyList<CalendarCell> Cells);
