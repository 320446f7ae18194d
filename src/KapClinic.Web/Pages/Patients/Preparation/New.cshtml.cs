using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Preparation;

/// <summary>Write a preparation session note within a course: save it as a draft, or save and sign it.</summary>
public sealed class NewModel(
    PreparationSessionService sessions,
    PreparationSessionQueries queries,
    IValidator<PreparationSessionInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public PreparationSessionInput Input { get; set; } = new();

    public PreparationFormContext Context { get; private set; } = null!;

    public PreparationFormView Form => new(
        Input, Context, User.FindFirstValue(ClinicClaims.SignatureName) ?? string.Empty, CanSign: true,
        HasUnsavedInput: Request.Method == HttpMethods.Post, CancelUrl: $"/Patients/{Context.Patient.Id}");

    public async Task OnGetAsync(Guid id, Guid courseId, CancellationToken cancellationToken)
    {
        Context = await queries.GetFormContextAsync(id, courseId, cancellationToken);
        var now = await clinicTime.NowAsync();
        Input = new PreparationSessionInput
        {
            OccurredAt = now.DateTime.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond),
            DurationMinutes = 60,
            Modality = SessionModality.InPerson,
            ReviewedScreeningId = Context.LatestScreening?.Id,
        };
    }

    public Task<IActionResult> OnPostAsync(Guid id, Guid courseId, CancellationToken cancellationToken) =>
        SaveAsync(id, courseId, sign: false, cancellationToken);

    public Task<IActionResult> OnPostSignAsync(Guid id, Guid courseId, CancellationToken cancellationToken) =>
        SaveAsync(id, courseId, sign: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, Guid courseId, bool sign, CancellationToken cancellationToken)
    {
        Context = await queries.GetFormContextAsync(id, courseId, cancellationToken);
        var validation = await validator.ValidateAsync(Input, o => o.IncludeRuleSets(PreparationSessionInputValidator.RuleSetsFor(sign)), cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            ModelState.AddModelError(string.Empty, sign ? "Not signed yet: complete the parts marked below." : "Not saved: correct the parts marked below.");
            return Page();
        }

        Guid sessionId;
        try
        {
            sessionId = await sessions.CreateAsync(id, courseId, Input, ActingUserId, sign, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }

        TempData["Status"] = sign ? "Preparation session signed." : "Draft saved. It stays editable until you sign it.";
        return Redirect(sign ? $"/Patients/{id}/Preparation/{sessionId}" : $"/Patients/{id}/Preparation/{sessionId}/Edit");
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
