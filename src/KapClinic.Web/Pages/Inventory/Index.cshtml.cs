using KapClinic.Core.Inventory;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory;

/// <summary>The inventory dashboard: stock per product and lot, and what needs attention today.</summary>
public sealed class IndexModel(InventoryQueries queries, ClinicTime clinicTime) : PageModel
{
    public InventoryDashboard Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        Dashboard = await queries.DashboardAsync(today, cancellationToken);
    }
}
