using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Schedule.Appointments;

/// <summary>Move an appointment: another time, room or clinician. A clash is explained and free times are offered.</summary>
public sealed class RescheduleModel(
    AppointmentActions actions,
    AppointmentBooking booking,
    SchedulingLookups lookups,
    IValidator<RescheduleAppointmentInput> validator,
    IAuthorizationService authorization,
    ClinicTime clinicTime) : BookingPage(authorization)
{
    [BindProperty]
    public RescheduleAppointmentInput Input { get; set; } = new();

    public AppointmentDetails Appointment { get; private set; } = null!;

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    public IReadOnlyList<RoomChoice> Rooms { get; private set; } = [];

    public bool ShowOutsideHoursConfirmation => ShowConfirmation("Input.ConfirmOutsideHours", Input.ConfirmOutsideHours);

    public bool ShowPastConfirmation => ShowConfirmation("Input.ConfirmPastTime", Input.ConfirmPastTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var start = await clinicTime.ToClinicTimeAsync(Appointment.StartsAt);
        var end = await clinicTime.ToClinicTimeAsync(Appointment.EndsAt);
        Input = new RescheduleAppointmentInput
        {
            Date = DateOnly.FromDateTime(start.DateTime),
            StartTime = TimeOnly.FromDateTime(start.DateTime),
            EndTime = TimeOnly.FromDateTime(end.DateTime),
            RoomId = Appointment.RoomId,
            ClinicianId = Appointment.ClinicianId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        try
        {
            await booking.RescheduleAsync(id, Input, Actor, cancellationToken);
            TempData["Status"] = "The appointment is moved.";
            return RedirectToPage("Details", new { id });
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(new FluentValidation.Results.ValidationResult(ex.Errors));
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
        }
        catch (BookingConflictException ex)
        {
            ShowConflict(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            await LoadAsync(id, cancellationToken); // the form carries the current version now; what the user typed stays
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return Page();
    }

    /// <summary>A free time offered after a clash: put it in the form, to be confirmed with the Move button.</summary>
    public async Task<IActionResult> OnPostUseSlotAsync(Guid id, string? slot, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (ParseSlot(slot) is { } chosen)
        {
            var start = await clinicTime.ToClinicTimeAsync(chosen.StartsAt);
            var end = await clinicTime.ToClinicTimeAsync(chosen.EndsAt);
            (Input.Date, Input.StartTime, Input.EndTime) =
                (DateOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(end.DateTime));
            ModelState.Clear();
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadRolesAsync();
        Appointment = await actions.GetAsync(id, cancellationToken);
        Clinicians = await lookups.CliniciansAsync(cancellationToken);
        Rooms = await lookups.RoomsAsync(cancellationToken: cancellationToken);
    }
}
