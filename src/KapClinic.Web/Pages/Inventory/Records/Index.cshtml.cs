using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Records;

/// <summary>The controlled-substance records an inspector asks for, each on screen and as CSV or PDF.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
