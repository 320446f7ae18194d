using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Integration;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Integration;

/// <summary>Edit a draft integration note; its author can also sign it here. A signed note is never edited.</summary>
public sealed class EditModel(
    IntegrationNoteService integrationNotes,
    IntegrationNoteQueries queries,
    IValidator<IntegrationNoteInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public IntegrationNoteInput Input { get; set; } = new();

    public IntegrationNoteDetails Details { get; private set; } = null!;

    /// <summary>Someone else saved the draft after this user opened it; their typed input is still in the form.</summary>
    public bool Conflict { get; private set; }

    public string DetailsUrl => $"/Patients/{Details.Patient.Id}/Integration/{Details.Note.Id}";

    public IntegrationFormView Form => new(
        Input, Details.Context, Details.AuthorName, CanSign: Details.Note.AuthorId == ActingUserId,
        HasUnsavedInput: Request.Method == HttpMethods.Post, CancelUrl: DetailsUrl, CarriedFrom: Details.CarriedFrom);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid noteId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, noteId, ActingUserId, cancellationToken: cancellationToken);
        if (Details.Note.IsSigned)
        {
            TempData["Status"] = "This note is signed and can no longer be edited. To correct or add to it, add an addendum below.";
            return Redirect(DetailsUrl);
        }

        Input = IntegrationNoteService.ToInput(Details.Note, (await clinicTime.SettingsAsync()).TimeZone);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, Guid noteId, CancellationToken cancellationToken) =>
        SaveAsync(id, noteId, sign: false, cancellationToken);

    public Task<IActionResult> OnPostSignAsync(Guid id, Guid noteId, CancellationToken cancellationToken) =>
        SaveAsync(id, noteId, sign: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, Guid noteId, bool sign, CancellationToken cancellationToken)
    {
        // What is stored now (not shown: the form shows what this user typed), for the page around the form.
        Details = await queries.GetAsync(id, noteId, ActingUserId, recordView: false, cancellationToken);
        var validation = await validator.ValidateAsync(Input, o => o.IncludeRuleSets(IntegrationNoteInputValidator.RuleSetsFor(sign)), cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            ModelState.AddModelError(string.Empty, sign ? "Not signed yet: complete the parts marked below." : "Not saved: correct the parts marked below.");
            return Page();
        }

        try
        {
            await integrationNotes.UpdateAsync(id, noteId, Input, ActingUserId, sign, cancellationToken);
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
            Input.Version = Details.Note.Version;
            return Page();
        }

        TempData["Status"] = sign ? "Integration note signed." : "Draft saved.";
        return Redirect(sign ? DetailsUrl : $"{DetailsUrl}/Edit");
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
