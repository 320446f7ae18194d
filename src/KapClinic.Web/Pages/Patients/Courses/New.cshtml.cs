using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Courses;

/// <summary>Start a treatment course: the patient on an active protocol, from a date. It starts as planned.</summary>
public sealed class NewModel(TreatmentCourseService courses, IValidator<StartCourseInput> validator, ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public StartCourseInput Input { get; set; } = new();

    public NewCourseOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Options = await courses.GetNewCourseOptionsAsync(id, cancellationToken);
        Input.StartDate = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Options = await courses.GetNewCourseOptionsAsync(id, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        Guid courseId;
        try
        {
            courseId = await courses.StartCourseAsync(id, Input.ProtocolId!.Value, Input.StartDate!.Value, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }

        TempData["Status"] = "The course is planned. Activate it when the first session is booked.";
        return RedirectToPage("Details", new { id, courseId });
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
