using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Protocols;

/// <summary>Edit a protocol; retire it (no new courses) or bring it back.</summary>
public sealed class EditModel(ProtocolService protocols, IValidator<ProtocolInput> validator) : PageModel
{
    [BindProperty]
    public ProtocolInput Input { get; set; } = new();

    public ProtocolDetails Details { get; private set; } = null!;

    /// <summary>Set when someone else saved the protocol meanwhile: what is in the database now.</summary>
    public ProtocolInput? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Details = await protocols.GetAsync(id, cancellationToken);
        Input = Details.Input;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Details = await protocols.GetAsync(id, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        try
        {
            await protocols.UpdateAsync(id, Input, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep what this admin typed; show what the other person saved; the next save applies over it.
            Current = Details.Input;
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Current.Version;
            return Page();
        }

        TempData["Status"] = $"Saved the protocol \"{Input.Name.Trim()}\".";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id, CancellationToken cancellationToken)
    {
        await protocols.RetireAsync(id, cancellationToken);
        TempData["Status"] = "The protocol is retired: no new course can follow it. Courses already on it are unchanged.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        await protocols.ReactivateAsync(id, cancellationToken);
        TempData["Status"] = "The protocol is active again: new courses can follow it.";
        return RedirectToPage(new { id });
    }
}
