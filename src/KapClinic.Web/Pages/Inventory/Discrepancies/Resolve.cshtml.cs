using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Discrepancies;

/// <summary>An Admin resolves a discrepancy with a note; the version round-trips so two Admins cannot both resolve it.</summary>
public sealed class ResolveModel(InventoryService inventory, InventoryQueries queries, IValidator<ResolveModel.ResolveInput> validator) : PageModel
{
    [BindProperty]
    public ResolveInput Input { get; set; } = new();

    public DiscrepancyItem Discrepancy { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Discrepancy = await queries.DiscrepancyAsync(id, cancellationToken);
        Input.Version = Discrepancy.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Discrepancy = await queries.DiscrepancyAsync(id, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!InventoryFormErrors.Apply(ModelState, validation))
        {
            return Page();
        }

        try
        {
            await inventory.ResolveDiscrepancyAsync(id, Input.ResolutionNote, Input.Version, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            InventoryFormErrors.Add(ModelState, ex);
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            // Keep the typed note; show what is saved now (the discrepancy above is re-read).
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = Discrepancy.Version;
            return Page();
        }

        TempData["Status"] = $"Resolved the discrepancy on lot {Discrepancy.LotNumber}.";
        return RedirectToPage("Index");
    }

    public sealed class ResolveInput
    {
        public string? ResolutionNote { get; set; }

        public uint Version { get; set; }
    }

    public sealed class ResolveInputValidator : AbstractValidator<ResolveInput>
    {
        public ResolveInputValidator() =>
            RuleFor(x => x.ResolutionNote).NotEmpty().WithMessage("Write how the discrepancy was resolved (what was found, any adjustment or report made).")
                .MaximumLength(Core.Inventory.Discrepancy.NoteMaxLength).WithMessage($"The note can be at most {Core.Inventory.Discrepancy.NoteMaxLength} characters.");
    }
}
