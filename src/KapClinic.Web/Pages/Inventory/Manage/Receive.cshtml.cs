using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Inventory;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>Receive a lot: the lot and its receipt (supplier, DEA number, invoice, date, quantity) with its Received entry.</summary>
public sealed class ReceiveModel(InventoryService inventory, InventoryQueries queries, IValidator<ReceiveLotInput> validator, ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public ReceiveLotInput Input { get; set; } = new();

    [BindProperty]
    public Guid? ProductId { get; set; }

    public IReadOnlyList<ProductStock> Products { get; private set; } = [];

    public ProductStock? Selected => Products.FirstOrDefault(p => p.Id == ProductId);

    public async Task OnGetAsync(Guid? productId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ProductId = Products.Any(p => p.Id == productId) ? productId : Products.Count == 1 ? Products[0].Id : null;
        Input.ReceivedOn = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        var valid = InventoryFormErrors.Apply(ModelState, validation);
        if (Selected is null)
        {
            ModelState.Remove(nameof(ProductId));
            ModelState.AddModelError(nameof(ProductId), "Choose the product received.");
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        Guid lotId;
        try
        {
            lotId = await inventory.ReceiveLotAsync(ProductId!.Value, Input, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            InventoryFormErrors.Add(ModelState, ex);
            return Page();
        }

        TempData["Status"] = $"Received lot {Input.LotNumber!.Trim()}: {InventoryText.Units(Input.Quantity!.Value, Selected!.UnitName)}.";
        return RedirectToPage("/Inventory/Lots/Details", new { lotId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Products = [.. (await queries.ProductsAsync(cancellationToken)).Where(p => p.IsActive)];
}
