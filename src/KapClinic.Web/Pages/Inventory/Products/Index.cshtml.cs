using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Products;

/// <summary>The products the clinic stocks, with what is on hand of each.</summary>
public sealed class IndexModel(InventoryQueries queries) : PageModel
{
    public IReadOnlyList<ProductStock> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Products = await queries.ProductsAsync(cancellationToken);
}
