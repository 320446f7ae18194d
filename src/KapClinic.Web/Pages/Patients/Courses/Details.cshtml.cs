using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Courses;

/// <summary>One treatment course: its protocol, status and progress, and the moves its status allows.</summary>
public sealed class DetailsModel(TreatmentCourseService courses, IValidator<StopCourseInput> stopValidator) : PageModel
{
    [BindProperty]
    public StopCourseInput Stop { get; set; } = new();

    public CourseDetails Course { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, courseId, cancellationToken);
        Stop.Version = Course.Version;
        return Page();
    }

    public Task<IActionResult> OnPostActivateAsync(Guid id, Guid courseId, uint version, CancellationToken cancellationToken) =>
        MoveAsync(id, courseId, () => courses.ActivateAsync(courseId, version, cancellationToken), "The course is active.", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, Guid courseId, uint version, CancellationToken cancellationToken) =>
        MoveAsync(id, courseId, () => courses.CompleteAsync(courseId, version, cancellationToken), "The course is completed.", cancellationToken);

    public async Task<IActionResult> OnPostStopAsync(Guid id, Guid courseId, CancellationToken cancellationToken)
    {
        var validation = await stopValidator.ValidateAsync(Stop, cancellationToken);
        if (!validation.IsValid)
        {
            await LoadAsync(id, courseId, cancellationToken);
            ModelState.AddErrors(validation, nameof(Stop));
            return Page();
        }

        return await MoveAsync(
            id, courseId, () => courses.StopAsync(courseId, Stop.Reason, Stop.Version, cancellationToken), "The course is stopped.", cancellationToken);
    }

    private async Task<IActionResult> MoveAsync(Guid id, Guid courseId, Func<Task> move, string done, CancellationToken cancellationToken)
    {
        await LoadAsync(id, courseId, cancellationToken);
        try
        {
            await move();
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, nameof(Stop));
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // Show the course as it is now; a typed stop reason stays in its field.
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove($"{nameof(Stop)}.{nameof(Stop.Version)}");
            Stop.Version = Course.Version;
            return Page();
        }

        TempData["Status"] = done;
        return RedirectToPage(new { id, courseId });
    }

    private async Task LoadAsync(Guid id, Guid courseId, CancellationToken cancellationToken)
    {
        Course = await courses.GetAsync(courseId, cancellationToken);
        if (Course.Patient.Id != id)
        {
            throw new NotFoundException("That treatment course does not belong to this patient.");
        }
    }
}
