using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Schedule.Appointments;

/// <summary>
/// One appointment: details, and for the front desk and Admins its moves (reschedule, cancel with a reason, check-in,
/// start, complete, no-show). A clinician may open only appointments they are part of, and only to read. A cancelled
/// future dosing session offers its slot to the waitlist.
/// </summary>
public sealed class DetailsModel(
    AppointmentActions actions,
    AppointmentBooking booking,
    WaitlistService waitlist,
    SchedulingLookups lookups,
    IValidator<RescheduleAppointmentInput> rescheduleValidator,
    IValidator<CancelAppointmentInput> cancelValidator,
    IAuthorizationService authorization,
    ClinicTime clinicTime) : BookingPage(authorization)
{
    [BindProperty]
    public RescheduleAppointmentInput Reschedule { get; set; } = new();

    [BindProperty]
    public CancelAppointmentInput Cancel { get; set; } = new();

    public AppointmentDetails Appointment { get; private set; } = null!;

    public SlotOffer? Offer { get; private set; }

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    public IReadOnlyList<RoomChoice> Rooms { get; private set; } = [];

    public bool ShowOutsideHoursConfirmation => ShowConfirmation("Reschedule.ConfirmOutsideHours", Reschedule.ConfirmOutsideHours);

    public bool ShowPastConfirmation => ShowConfirmation("Reschedule.ConfirmPastTime", Reschedule.ConfirmPastTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!CanBook && !Appointment.Involves(UserId))
        {
            return Forbid();
        }

        await actions.RecordViewAsync(Appointment, cancellationToken);
        await FillFormsAsync();
        return Page();
    }

    public Task<IActionResult> OnPostCheckInAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        MoveAsync(id, () => actions.CheckInAsync(id, version, cancellationToken), "The patient is checked in.", cancellationToken);

    public Task<IActionResult> OnPostStartAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        MoveAsync(id, () => actions.StartAsync(id, version, cancellationToken), "The appointment is in progress.", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        MoveAsync(id, () => actions.CompleteAsync(id, version, cancellationToken), "The appointment is completed.", cancellationToken);

    public Task<IActionResult> OnPostNoShowAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        MoveAsync(id, () => actions.MarkNoShowAsync(id, version, cancellationToken), "The appointment is marked as a no-show.", cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var validation = await cancelValidator.ValidateAsync(Cancel, cancellationToken);
        if (!validation.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            if (!CanBook)
            {
                return Forbid();
            }

            ModelState.AddErrors(validation, nameof(Cancel));
            await FillFormsAsync(keepCancelReason: true);
            return Page();
        }

        return await MoveAsync(id, () => actions.CancelAsync(id, Cancel, cancellationToken), "The appointment is cancelled.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!CanBook)
        {
            return Forbid();
        }

        var validation = await rescheduleValidator.ValidateAsync(Reschedule, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Reschedule));
            return Page();
        }

        try
        {
            await booking.RescheduleAsync(id, Reschedule, Actor, cancellationToken);
            TempData["Status"] = "The appointment is moved.";
            return RedirectToPage(new { id });
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(new FluentValidation.Results.ValidationResult(ex.Errors), nameof(Reschedule));
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, nameof(Reschedule));
        }
        catch (BookingConflictException ex)
        {
            ShowConflict(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            await LoadAsync(id, cancellationToken); // the form shows the current version; what the user typed stays
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return Page();
    }

    /// <summary>A free time offered after a clash: put it in the reschedule form.</summary>
    public async Task<IActionResult> OnPostUseSlotAsync(Guid id, string? slot, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!CanBook)
        {
            return Forbid();
        }

        if (ParseSlot(slot) is { } chosen)
        {
            var start = await clinicTime.ToClinicTimeAsync(chosen.StartsAt);
            var end = await clinicTime.ToClinicTimeAsync(chosen.EndsAt);
            (Reschedule.Date, Reschedule.StartTime, Reschedule.EndTime) =
                (DateOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(end.DateTime));
            ModelState.Clear();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBookFromWaitlistAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!CanBook)
        {
            return Forbid();
        }

        try
        {
            var booked = await waitlist.BookFromWaitlistAsync(entryId, id, UserId, cancellationToken);
            TempData["Status"] = "The freed slot is booked for the waiting patient.";
            return RedirectToPage(new { id = booked });
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (BookingConflictException ex)
        {
            ModelState.AddModelError(string.Empty, $"That patient could not take the slot. {string.Join(" ", ex.Reasons)}");
        }

        await FillFormsAsync();
        return Page();
    }

    private async Task<IActionResult> MoveAsync(Guid id, Func<Task> move, string done, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!CanBook)
        {
            return Forbid();
        }

        try
        {
            await move();
        }
        catch (Exception ex) when (ex is RuleViolationException or ConcurrencyConflictException)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(string.Empty, ex.Message);
            await FillFormsAsync(keepCancelReason: true);
            return Page();
        }

        TempData["Status"] = done;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadRolesAsync();
        Appointment = await actions.GetAsync(id, cancellationToken);
        if (CanBook)
        {
            Clinicians = await lookups.CliniciansAsync(cancellationToken);
            Rooms = await lookups.RoomsAsync(cancellationToken: cancellationToken);
            Offer = Appointment.Status == AppointmentStatus.Cancelled && Appointment.Type == AppointmentType.Dosing
                ? await waitlist.OfferAsync(id, cancellationToken)
                : null;
        }
    }

    private async Task FillFormsAsync(bool keepCancelReason = false)
    {
        var start = await clinicTime.ToClinicTimeAsync(Appointment.StartsAt);
        var end = await clinicTime.ToClinicTimeAsync(Appointment.EndsAt);
        Reschedule = new RescheduleAppointmentInput
        {
            Date = DateOnly.FromDateTime(start.DateTime),
            StartTime = TimeOnly.FromDateTime(start.DateTime),
            EndTime = TimeOnly.FromDateTime(end.DateTime),
            RoomId = Appointment.RoomId,
            ClinicianId = Appointment.ClinicianId,
        };
        Cancel = new CancelAppointmentInput { Reason = keepCancelReason ? Cancel.Reason : null };
    }
}
