using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Schedule.Appointments;

/// <summary>
/// Book one appointment. The patient is found by a search posted to the server (names never in URLs); the page may
/// arrive prefilled with ids (?patientId=&amp;courseId=&amp;type=). A clash refused by PostgreSQL is explained and the
/// next free times are offered; outside hours and past times need an Admin's explicit confirmation.
/// </summary>
public sealed class NewModel(
    AppointmentBooking booking,
    SchedulingLookups lookups,
    IValidator<BookAppointmentInput> validator,
    IAuthorizationService authorization,
    ClinicTime clinicTime) : BookingPage(authorization)
{
    [BindProperty]
    public BookAppointmentInput Input { get; set; } = new();

    /// <summary>A name or MRN, posted (never in the URL).</summary>
    [BindProperty]
    public string? PatientSearch { get; set; }

    public IReadOnlyList<PatientChoice>? PatientMatches { get; private set; }

    public PatientChoice? Patient { get; private set; }

    public IReadOnlyList<CourseChoice> Courses { get; private set; } = [];

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    public IReadOnlyList<RoomChoice> Rooms { get; private set; } = [];

    public bool ShowOutsideHoursConfirmation => ShowConfirmation("Input.ConfirmOutsideHours", Input.ConfirmOutsideHours);

    public bool ShowPastConfirmation => ShowConfirmation("Input.ConfirmPastTime", Input.ConfirmPastTime);

    public async Task OnGetAsync(Guid? patientId, Guid? courseId, AppointmentType? type, CancellationToken cancellationToken)
    {
        Input.PatientId = patientId;
        Input.CourseId = courseId;
        Input.Type = type is { } t && Enum.IsDefined(t) ? t : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostFindPatientAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Input.PatientId = null;
        PatientMatches = await lookups.FindPatientsAsync(PatientSearch, cancellationToken);
        if (string.IsNullOrWhiteSpace(PatientSearch))
        {
            ModelState.AddModelError(nameof(PatientSearch), "Type part of the patient's name, or their MRN.");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A patient chosen from the matches: the form shows their open courses.</summary>
    public async Task<IActionResult> OnPostChoosePatientAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        if (Courses.All(c => c.Id != Input.CourseId))
        {
            Input.CourseId = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostChangePatientAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        (Input.PatientId, Input.CourseId) = (null, null);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A free time offered after a clash: put it in the form, to be booked with the Book button.</summary>
    public async Task<IActionResult> OnPostUseSlotAsync(string? slot, CancellationToken cancellationToken)
    {
        if (ParseSlot(slot) is { } chosen)
        {
            var start = await clinicTime.ToClinicTimeAsync(chosen.StartsAt);
            var end = await clinicTime.ToClinicTimeAsync(chosen.EndsAt);
            (Input.Date, Input.StartTime, Input.EndTime) = (DateOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(end.DateTime));
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        try
        {
            var id = await booking.BookAsync(Input, Actor, cancellationToken);
            TempData["Status"] = "The appointment is booked.";
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

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadRolesAsync();
        Clinicians = await lookups.CliniciansAsync(cancellationToken);
        Rooms = await lookups.RoomsAsync(cancellationToken: cancellationToken);
        if (Input.PatientId is { } patientId)
        {
            Patient = await lookups.PatientAsync(patientId, cancellationToken);
            Courses = Patient is null ? [] : await lookups.OpenCoursesAsync(patientId, cancellationToken);
        }
    }
}
