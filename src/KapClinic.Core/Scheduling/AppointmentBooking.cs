using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// Books and moves single appointments. Overlaps are left to PostgreSQL's exclusion constraints (so two people booking
/// the same slot at once cannot both succeed); a refusal becomes a <see cref="BookingConflictException"/> that says
/// who or what is busy and offers the next free slots. Each change is one SaveChanges with its audit row.
/// </summary>
public sealed class AppointmentBooking(
    KapClinicDbContext db,
    BookingChecks checks,
    AppointmentConflicts conflicts,
    ClinicSettingsService settings,
    IValidator<BookAppointmentInput> bookValidator,
    IValidator<RescheduleAppointmentInput> rescheduleValidator,
    TimeProvider clock)
{
    public const string ConflictMessage =
        "Someone else changed this appointment after you opened it. It is shown as it is now; check it before you act again.";

    public async Task<Guid> BookAsync(BookAppointmentInput input, BookingActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await bookValidator.ValidateAndThrowAsync(input, cancellationToken);
        var type = input.Type!.Value;
        var patient = await checks.PatientAsync(input.PatientId!.Value, nameof(input.PatientId), cancellationToken);
        var course = await checks.CourseAsync(input.CourseId, patient.Id, nameof(input.CourseId), cancellationToken);
        await checks.ClinicianAsync(input.ClinicianId!.Value, nameof(input.ClinicianId), cancellationToken);
        if (input.PrescriberId is { } prescriberId)
        {
            await checks.PrescriberAsync(prescriberId, nameof(input.PrescriberId), cancellationToken);
        }

        if (input.RoomId is { } roomId)
        {
            await checks.RoomAsync(roomId, type, nameof(input.RoomId), cancellationToken);
        }

        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var (start, end) = Times(input, AppointmentDurations.Default(type, course?.MinimumMonitoringMinutes), zone);
        var slot = new ProposedSlot(patient.Id, input.ClinicianId.Value, input.RoomId, start, end);
        await EnsureConfirmedAsync(slot, zone, actor, input.ConfirmOutsideHours, input.ConfirmPastTime, cancellationToken);

        var appointment = new Appointment(
            patient.Id, type, slot.ClinicianId, input.PrescriberId, input.RoomId, start, end, course?.Id, actor.UserId, clock.GetUtcNow());
        db.Appointments.Add(appointment);
        await SaveAsync(slot, cancellationToken);
        return appointment.Id;
    }

    public async Task RescheduleAsync(Guid appointmentId, RescheduleAppointmentInput input, BookingActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await rescheduleValidator.ValidateAndThrowAsync(input, cancellationToken);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
            ?? throw new NotFoundException("That appointment does not exist.");
        if (appointment.Version != input.Version)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }

        // The same rule as booking: an archived or discharged patient gets no new time either. The reschedule form has
        // no patient field, so the message goes at the top of the form.
        try
        {
            await checks.PatientAsync(appointment.PatientId, "PatientId", cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            throw new RuleViolationException(ex.Message, ex);
        }
        await checks.ClinicianAsync(input.ClinicianId!.Value, nameof(input.ClinicianId), cancellationToken);
        if (input.RoomId is { } roomId)
        {
            await checks.RoomAsync(roomId, appointment.Type, nameof(input.RoomId), cancellationToken);
        }
        else if (appointment.Type == AppointmentType.Dosing)
        {
            throw new RuleViolationException(nameof(input.RoomId), "A dosing session needs a dosing room or an infusion chair: choose one.");
        }

        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var (start, end) = Times(input, appointment.Duration, zone);
        var slot = new ProposedSlot(appointment.PatientId, input.ClinicianId.Value, input.RoomId, start, end, appointment.Id);
        await EnsureConfirmedAsync(slot, zone, actor, input.ConfirmOutsideHours, input.ConfirmPastTime, cancellationToken);

        try
        {
            appointment.Reschedule(start, end, input.RoomId, slot.ClinicianId);
        }
        catch (InvalidOperationException ex)
        {
            throw new RuleViolationException(ex.Message, ex);
        }

        db.Entry(appointment).Property(a => a.Version).OriginalValue = input.Version;
        await SaveAsync(slot, cancellationToken);
    }

    /// <summary>The UTC start and end of the wall-clock times entered; no end means the usual length.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Times(IAppointmentTimes times, TimeSpan usualLength, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(times);
        var start = ClinicTimes.ToUtc(times.Date!.Value, times.StartTime!.Value, zone);
        var end = times.EndTime is { } endTime ? ClinicTimes.ToUtc(times.Date.Value, endTime, zone) : start + usualLength;

        // The form checks wall-clock times; on a daylight-saving day the real length differs (02:30-03:00 on the
        // spring change is no time at all, 00:00-12:00 on the autumn change is 13 hours). Check the real instants.
        if (end <= start)
        {
            throw new RuleViolationException(nameof(IAppointmentTimes.EndTime), "On this day the clocks change: that end time is not after the start. Choose a later end time.");
        }

        if (end - start > Appointment.MaximumLength)
        {
            throw new RuleViolationException(nameof(IAppointmentTimes.EndTime), "On this day the clocks change: that is more than 12 hours. Choose an earlier end time.");
        }

        return (start, end);
    }

    private async Task EnsureConfirmedAsync(
        ProposedSlot slot, TimeZoneInfo zone, BookingActor actor, bool confirmOutsideHours, bool confirmPastTime, CancellationToken cancellationToken)
    {
        var day = ClinicTimes.DateOf(slot.StartsAt, zone);
        var availability = (await SchedulingQueries.AvailabilityAsync(db, [slot.ClinicianId], day, day.AddDays(1), cancellationToken))[slot.ClinicianId];
        var failures = BookingWarnings.Unconfirmed(
            availability.OutsideHoursReason(slot.StartsAt, slot.EndsAt, zone),
            slot.StartsAt < clock.GetUtcNow(),
            ClinicTimes.Brief(slot.StartsAt, slot.EndsAt, zone),
            actor,
            confirmOutsideHours,
            confirmPastTime);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private async Task SaveAsync(ProposedSlot slot, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(ConflictMessage, ex);
        }
        catch (DbUpdateException ex) when (AppointmentConflicts.IsOverlap(ex))
        {
            throw await conflicts.ExplainAsync(slot, ex, cancellationToken);
        }
    }
}
