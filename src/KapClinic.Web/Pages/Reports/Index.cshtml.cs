using System.Security.Claims;
using KapClinic.Core.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Reports;

/// <summary>The report catalogue: every report the signed-in user may run (their roles as the database knows them).</summary>
public sealed class IndexModel(ReportService reports) : PageModel
{
    public IReadOnlyList<ReportDefinition> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Reports = await reports.CatalogueAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        }
        catch (ReportAccessDeniedException)
        {
            return Forbid();
        }

        return Page();
    }
}
