using KapClinic.Core.Inventory;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>
/// The count sheet: every open lot to count, without balances (the lot page shows the balance, so a blind count
/// starts here rather than there). Each lot links to its blind count page.
/// </summary>
public sealed class CountSheetModel(InventoryQueries queries, ClinicTime clinicTime) : PageModel
{
    public IReadOnlyList<LotHeader> Lots { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        Lots = await queries.CountSheetAsync(cancellationToken);
    }
}
