using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>
/// A blind count: the counter enters what is on the shelf. This page never reads the lot's balance (only its
/// header), so it cannot show it; the expected figure appears on the result page once the count is recorded.
/// </summary>
public sealed class CountModel(InventoryService inventory, InventoryQueries queries, IValidator<CountModel.CountInput> validator) : PageModel
{
    [BindProperty]
    public CountInput Input { get; set; } = new();

    public LotHeader Lot { get; private set; } = null!;

    public async Task OnGetAsync(Guid lotId, CancellationToken cancellationToken) => Lot = await queries.LotHeaderAsync(lotId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken cancellationToken)
    {
        Lot = await queries.LotHeaderAsync(lotId, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!InventoryFormErrors.Apply(ModelState, validation))
        {
            return Page();
        }

        CountResult result;
        try
        {
            result = await inventory.CountAsync(lotId, Input.CountedUnits, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            InventoryFormErrors.Add(ModelState, ex);
            return Page();
        }

        return RedirectToPage("/Inventory/Lots/CountResult", new { lotId, entryId = result.CountEntryId });
    }

    public sealed class CountInput
    {
        /// <summary>What is on the shelf, in the product's unit.</summary>
        public decimal? CountedUnits { get; set; }
    }

    public sealed class CountInputValidator : AbstractValidator<CountInput>
    {
        public CountInputValidator() =>
            RuleFor(x => x.CountedUnits).NotNull().WithMessage("Enter what is on the shelf (0 if the lot is empty).")
                .GreaterThanOrEqualTo(0).WithMessage("The count cannot be negative.")
                .LessThanOrEqualTo(100_000).WithMessage("The count must be at most 100,000 units.")
                .Must(q => q is null || decimal.Round(q.Value, 2) == q).WithMessage("Enter the count to at most 2 decimals.");
    }
}
