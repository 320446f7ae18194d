using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Products;

/// <summary>Admins add a product: name, NDC, drug, form, labelled strength, mg per unit, units per container, reorder level.</summary>
public sealed class NewModel(InventoryService inventory, IValidator<ProductInput> validator) : PageModel
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!InventoryFormErrors.Apply(ModelState, validation))
        {
            return Page();
        }

        try
        {
            await inventory.CreateProductAsync(Input, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            InventoryFormErrors.Add(ModelState, ex);
            return Page();
        }

        TempData["Status"] = $"Added {Input.Name!.Trim()} ({Input.Strength!.Trim()}).";
        return RedirectToPage("Index");
    }
}
