using System.Security.Claims;
using KapClinic.Core.Common;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>Close an empty lot after confirming: it then takes no more entries, counts included.</summary>
public sealed class CloseModel(InventoryService inventory, InventoryQueries queries) : PageModel
{
    public LotWithBalance Lot { get; private set; } = null!;

    [BindProperty]
    public uint Version { get; set; }

    public async Task OnGetAsync(Guid lotId, CancellationToken cancellationToken)
    {
        Lot = await queries.LotWithBalanceAsync(lotId, cancellationToken);
        Version = Lot.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken cancellationToken)
    {
        try
        {
            await inventory.CloseLotAsync(lotId, Version, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        }
        catch (Exception ex) when (ex is RuleViolationException or ConcurrencyConflictException)
        {
            Lot = await queries.LotWithBalanceAsync(lotId, cancellationToken);
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove(nameof(Version));
            Version = Lot.Version;
            return Page();
        }

        TempData["Status"] = "The lot is closed. It takes no more entries.";
        return RedirectToPage("/Inventory/Lots/Details", new { lotId });
    }
}
