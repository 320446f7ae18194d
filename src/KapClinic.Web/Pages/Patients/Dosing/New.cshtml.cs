using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using KapClinic.Core.Patients;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// Start a dosing session of a course: the prescriber on site and the start time (the signed-in user is the
/// monitoring clinician). Shows early what would block the dose (the course's readiness), then goes to the checklist.
/// </summary>
public sealed class NewModel(
    DosingSessionService sessions,
    DosingSessionQueries queries,
    PatientBannerService banners,
    ReadinessService readiness,
    IValidator<StartDosingInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public StartDosingInput Input { get; set; } = new();

    public PatientBanner Patient { get; private set; } = null!;

    public IntegrationCourseInfo Course { get; private set; } = null!;

    public Readiness Readiness { get; private set; } = null!;

    public IReadOnlyList<StaffOption> Prescribers { get; private set; } = [];

    public string CourseUrl => $"/Patients/{Patient.Id}/Courses/{Course.Id}";

    public async Task OnGetAsync(Guid id, Guid courseId, Guid? appointmentId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, courseId, cancellationToken);
        var now = await clinicTime.NowAsync();
        var actingUserId = ActingUserId;
        Input = new StartDosingInput
        {
            PrescriberId = Prescribers.Any(p => p.Id == actingUserId) ? actingUserId : (Prescribers.Count > 0 ? Prescribers[0].Id : null),
            StartedAt = now.DateTime.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond),
            AppointmentId = appointmentId,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, courseId, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        Guid sessionId;
        try
        {
            sessionId = await sessions.StartAsync(id, courseId, Input, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }

        TempData["Status"] = "Dosing session started. Work through the pre-dose checklist.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}/Checklist");
    }

    private async Task LoadAsync(Guid id, Guid courseId, CancellationToken cancellationToken)
    {
        Patient = await banners.GetAsync(id, cancellationToken);
        Course = await queries.CourseAsync(id, courseId, cancellationToken);
        Readiness = await readiness.GetReadinessAsync(courseId, cancellationToken);
        Prescribers = await queries.PrescribersAsync(cancellationToken);
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
