using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Discrepancies;

/// <summary>The discrepancy log on screen: open ones first, then resolved ones with their notes.</summary>
public sealed class IndexModel(InventoryQueries queries) : PageModel
{
    public IReadOnlyList<DiscrepancyItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await queries.DiscrepanciesAsync(openOnly: false, cancellationToken);
}
