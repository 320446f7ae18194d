namespace KapClinic.Core.Scheduling;

/// <summary>An appointment's life. Moves only along <see cref="Appointment"/>'s methods.</summary>
public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    InProgress,
    Completed,
    Cancelled,
    NoShow,
}
