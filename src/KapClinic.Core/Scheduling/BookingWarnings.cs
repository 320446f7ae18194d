using FluentValidation.Results;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// Bookings that are allowed only with an Admin's explicit confirmation: outside the clinician's hours (or on their
/// time off) and in the past (back-entry). Staff are told to choose another time; an Admin is told which box to tick.
/// </summary>
public static class BookingWarnings
{
    public const string OutsideHoursField = "ConfirmOutsideHours";
    public const string PastTimeField = "ConfirmPastTime";
    public const string OutsideHoursLabel = "Book outside working hours";
    public const string PastTimeLabel = "This is a past appointment (back-entry)";

    /// <summary>The unconfirmed warnings, as failures on the field they belong to (the checkbox for an Admin, the start time otherwise).</summary>
    public static List<ValidationFailure> Unconfirmed(
        string? outsideHoursReason, bool inPast, string when, BookingActor actor, bool confirmOutsideHours, bool confirmPastTime)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var failures = new List<ValidationFailure>();
        if (inPast && !(actor.IsAdmin && confirmPastTime))
        {
            failures.Add(actor.IsAdmin
                ? new ValidationFailure(PastTimeField, $"{when} is in the past. To enter it as a back-entry, tick \"{PastTimeLabel}\" and book again.")
                : new ValidationFailure(nameof(IAppointmentTimes.StartTime), $"{when} is in the past. Choose a time from now on; only an Admin can enter a past appointment."));
        }

        if (outsideHoursReason is not null && !(actor.IsAdmin && confirmOutsideHours))
        {
            failures.Add(actor.IsAdmin
                ? new ValidationFailure(OutsideHoursField, $"{outsideHoursReason} To book it anyway, tick \"{OutsideHoursLabel}\" and book again.")
                : new ValidationFailure(nameof(IAppointmentTimes.StartTime), $"{outsideHoursReason} Choose a time inside their hours, or ask an Admin to book it."));
        }

        return failures;
    }
}
