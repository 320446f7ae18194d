using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Preparation;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Preparation;

/// <summary>Edit a draft preparation note; its author can also sign it here. A signed note is never edited.</summary>
public sealed class EditModel(
    PreparationSessionService sessions,
    PreparationSessionQueries queries,
    IValidator<PreparationSessionInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public PreparationSessionInput Input { get; set; } = new();

    public PreparationSessionDetails Details { get; private set; } = null!;

    /// <summary>Someone else saved the draft after this user opened it; their typed input is still in the form.</summary>
    public bool Conflict { get; private set; }

    public string DetailsUrl => $"/Patients/{Details.Patient.Id}/Preparation/{Details.Session.Id}";

    public PreparationFormView Form => new(
        Input, Details.FormContext, Details.AuthorName, CanSign: Details.Session.AuthorId == ActingUserId,
        HasUnsavedInput: Request.Method == HttpMethods.Post, CancelUrl: DetailsUrl);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, cancellationToken: cancellationToken);
        if (Details.Session.IsSigned)
        {
            TempData["Status"] = "This note is signed and can no longer be edited. To correct or add to it, add an addendum below.";
            return Redirect(DetailsUrl);
        }

        Input = PreparationSessionService.ToInput(Details.Session, (await clinicTime.SettingsAsync()).TimeZone);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken cancellationToken) =>
        SaveAsync(id, sessionId, sign: false, cancellationToken);

    public Task<IActionResult> OnPostSignAsync(Guid id, Guid sessionId, CancellationToken cancellationToken) =>
        SaveAsync(id, sessionId, sign: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, Guid sessionId, bool sign, CancellationToken cancellationToken)
    {
        // What is stored now (not shown: the form shows what this user typed), for the page around the form.
        Details = await queries.GetAsync(id, sessionId, ActingUserId, recordView: false, cancellationToken);
        var validation = await validator.ValidateAsync(Input, o => o.IncludeRuleSets(PreparationSessionInputValidator.RuleSetsFor(sign)), cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            ModelState.AddModelError(string.Empty, sign ? "Not signed yet: complete the parts marked below." : "Not saved: correct the parts marked below.");
            return Page();
        }

        try
        {
            await sessions.UpdateAsync(id, sessionId, Input, ActingUserId, sign, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep every word this user typed; the next save goes over the version saved meanwhile.
            Conflict = true;
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = Details.Session.Version;
            return Page();
        }

        TempData["Status"] = sign ? "Preparation session signed." : "Draft saved.";
        return Redirect(sign ? DetailsUrl : $"{DetailsUrl}/Edit");
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
