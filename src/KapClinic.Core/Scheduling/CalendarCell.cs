namespace KapClinic.Core.Scheduling;

/// <summary>
/// One cell of a day grid. A cell that starts appointments spans <see cref="RowSpan"/> rows; the rows it spans
/// below hold covered cells, which a table leaves out. Appointments that overlap in one column share a cell.
/// </summary>
public sealed record CalendarCell(IReadOnlyList<CalendarAppointment> Appointments, int RowSpan, bool IsCovered)
{
    public static readonly CalendarCell Empty = new([], 1, false);

    public static readonly CalendarCell Covered = new([], 0, true);

    public bool HasAppointments => Appointments.Count > 0;
}
