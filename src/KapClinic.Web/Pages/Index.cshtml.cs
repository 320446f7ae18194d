using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages;

/// <summary>The dashboard every signed-in user lands on. Later features add today's schedule and alerts.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
