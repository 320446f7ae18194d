using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Dosing.Dashboard;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Schedule.Appointments;

/// <summary>
/// One appointment: details, and for the front desk and Admins its moves (cancel with a reason, check-in, start,
/// complete, no-show; rescheduling has its own page). A clinician may open only appointments they are part of, and only to read. A cancelled
/// future dosing session offers its slot to the waitlist. For a clinician, a dosing appointment of a course offers
/// "Start dosing session" (checking one in as a clinician goes straight there) or, once started, "Open dosing session".
/// </summary>
public sealed class DetailsModel(
    AppointmentActions actions,
    WaitlistService waitlist,
    DosingDashboardQueries dosing,
    IValidator<CancelAppointmentInput> cancelValidator,
    IAuthorizationService authorization) : BookingPage(authorization)
{
    [BindProperty]
    public CancelAppointmentInput Cancel { get; set; } = new();

    public AppointmentDetails Appointment { get; private set; } = null!;

    public SlotOffer? Offer { get; private set; }

    /// <summary>The dosing session this appointment opened, if any.</summary>
    public Guid? DosingSessionId { get; private set; }

    /// <summary>Where a clinician starts the dosing session of this appointment; null when there is nothing to start.</summary>
    public string? StartDosingUrl =>
        User.IsInRole(Core.Users.ClinicRoles.Clinician) && Appointment.Type == AppointmentType.Dosing && Appointment.CourseId is { } courseId
        && DosingSessionId is null && Appointment.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InProgress
            ? $"/Patients/{Appointment.PatientId}/Courses/{courseId}/Dosing/New?appointmentId={Appointment.Id}"
            : null;

    public string? DosingSessionUrl => DosingSessionId is { } sessionId && User.IsInRole(Core.Users.ClinicRoles.Clinician)
        ? $"/Patients/{Appointment.PatientId}/Dosing/{sessionId}"
        : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!CanBook && !Appointment.Involves(UserId))
        {
            return Forbid();
        }

        await actions.RecordViewAsync(Appointment, cancellationToken);
        return Page();
    }

    /// <summary>Checks the patient in; a clinician checking in a dosing appointment goes on to start its session.</summary>
    public async Task<IActionResult> OnPostCheckInAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var result = await MoveAsync(id, () => actions.CheckInAsync(id, version, cancellationToken), "The patient is checked in.", cancellationToken);
        return result is RedirectToPageResult && StartDosingUrl is { } start ? Redirect(start) : result;
    }

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
            if (!await LoadForBookingAsync(id, cancellationToken))
            {
                return Forbid();
            }

            ModelState.AddErrors(validation, nameof(Cancel));
            return Page();
        }

        return await MoveAsync(id, () => actions.CancelAsync(id, Cancel, cancellationToken), "The appointment is cancelled.", cancellationToken);
    }

    public async Task<IActionResult> OnPostBookFromWaitlistAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        if (!await LoadForBookingAsync(id, cancellationToken))
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
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return Page();
    }

    private async Task<IActionResult> MoveAsync(Guid id, Func<Task> move, string done, CancellationToken cancellationToken)
    {
        if (!await LoadForBookingAsync(id, cancellationToken))
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
            return Page();
        }

        TempData["Status"] = done;
        return RedirectToPage(new { id });
    }

    /// <summary>Loads the appointment; false when the user may not change it (clinicians only read).</summary>
    private async Task<bool> LoadForBookingAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return CanBook;
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadRolesAsync();
        Appointment = await actions.GetAsync(id, cancellationToken);
        DosingSessionId = Appointment.Type == AppointmentType.Dosing ? await dosing.SessionOfAppointmentAsync(id, cancellationToken) : null;
        if (CanBook)
        {
            Offer = Appointment.Status == AppointmentStatus.Cancelled && Appointment.Type == AppointmentType.Dosing
                ? await waitlist.OfferAsync(id, cancellationToken)
                : null;
        }
    }
}
