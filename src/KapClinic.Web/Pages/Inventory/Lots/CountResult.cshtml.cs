using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Lots;

/// <summary>The result of a recorded blind count: expected, counted, variance, and the discrepancy it opened.</summary>
public sealed class CountResultModel(InventoryQueries queries) : PageModel
{
    public CountOutcome Outcome { get; private set; } = null!;

    public async Task OnGetAsync(Guid lotId, Guid entryId, CancellationToken cancellationToken) =>
        Outcome = await queries.CountOutcomeAsync(lotId, entryId, cancellationToken);
}
