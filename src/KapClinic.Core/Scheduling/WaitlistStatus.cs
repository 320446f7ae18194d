namespace KapClinic.Core.Scheduling;

public enum WaitlistStatus
{
    Waiting,
    Booked,
    Removed,
}
