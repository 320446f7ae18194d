using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using KapClinic.Web.Pages.Shared.Notes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Preparation;

/// <summary>Read a preparation note (audited); on a signed one, add an addendum or co-sign as supervisor.</summary>
public sealed class DetailsModel(
    PreparationSessionQueries queries,
    ClinicalNoteService notes,
    IValidator<AddendumInput> addendumValidator) : PageModel
{
    [BindProperty]
    public AddendumInput Addendum { get; set; } = new();

    public PreparationSessionDetails Details { get; private set; } = null!;

    public PreparationSession Session => Details.Session;

    public NoteRecordView Record => new(
        Session,
        Details.AuthorName,
        Request.Method == HttpMethods.Post ? Addendum.Text : null,
        CanCoSign: User.HasClaim(ClinicClaims.Supervisor, "true") && Session.AuthorId != ActingUserId && Session.IsSigned);

    public async Task OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken) =>
        Details = await queries.GetAsync(id, sessionId, ActingUserId, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAddendumAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        var validation = await addendumValidator.ValidateAsync(Addendum, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, "Addendum");
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        try
        {
            await notes.AddAddendumAsync(id, sessionId, Addendum.Text!, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, "Addendum");
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Addendum signed and added.";
        return Redirect($"/Patients/{id}/Preparation/{sessionId}");
    }

    public async Task<IActionResult> OnPostCoSignAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await notes.CoSignAsync(id, sessionId, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await ShowAsync(id, sessionId, cancellationToken);
        }

        TempData["Status"] = "Note co-signed.";
        return Redirect($"/Patients/{id}/Preparation/{sessionId}");
    }

    private async Task<IActionResult> ShowAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, cancellationToken: cancellationToken);
        return Page();
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
