namespace KapClinic.Core.Scheduling;

/// <summary>Explicit audit events of scheduling (changes are audited by the interceptor).</summary>
public static class SchedulingAuditActions
{
    public const string AppointmentViewed = "Appointment.Viewed";
    public const string PatientSearchedForBooking = "Patient.SearchedForBooking";
}
