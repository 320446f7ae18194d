using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Notes;
using KapClinic.Core.Integration;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using KapClinic.Web.Pages.Shared.Notes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Integration;

/// <summary>Read an integration note (audited); on a signed one, add an addendum or co-sign as supervisor.</summary>
public sealed class DetailsModel(
    IntegrationNoteQueries queries,
    ClinicalNoteService notes,
    IValidator<AddendumInput> addendumValidator) : PageModel
{
    [BindProperty]
    public AddendumInput Addendum { get; set; } = new();

    public IntegrationNoteDetails Details { get; private set; } = null!;

    public IntegrationNote Note => Details.Note;

    public NoteRecordView Record => new(
        Note,
        Details.AuthorName,
        Request.Method == HttpMethods.Post ? Addendum.Text : null,
        CanCoSign: User.HasClaim(ClinicClaims.Supervisor, "true") && Note.AuthorId != ActingUserId && Note.IsSigned);

    public async Task OnGetAsync(Guid id, Guid noteId, CancellationToken cancellationToken) =>
        Details = await queries.GetAsync(id, noteId, ActingUserId, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAddendumAsync(Guid id, Guid noteId, CancellationToken cancellationToken)
    {
        var validation = await addendumValidator.ValidateAsync(Addendum, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, "Addendum");
            return await ShowAsync(id, noteId, cancellationToken);
        }

        try
        {
            await notes.AddAddendumAsync(id, noteId, Addendum.Text!, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, "Addendum");
            return await ShowAsync(id, noteId, cancellationToken);
        }

        TempData["Status"] = "Addendum signed and added.";
        return Redirect($"/Patients/{id}/Integration/{noteId}");
    }

    public async Task<IActionResult> OnPostCoSignAsync(Guid id, Guid noteId, CancellationToken cancellationToken)
    {
        try
        {
            await notes.CoSignAsync(id, noteId, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await ShowAsync(id, noteId, cancellationToken);
        }

        TempData["Status"] = "Note co-signed.";
        return Redirect($"/Patients/{id}/Integration/{noteId}");
    }

    private async Task<IActionResult> ShowAsync(Guid id, Guid noteId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, noteId, ActingUserId, cancellationToken: cancellationToken);
        return Page();
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
