using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages;

/// <summary>The page for 403, 404 and other status codes without a body of their own.</summary>
// These pages are re-executed for a failed request with its original method; a POST that failed must still
// get its error page, so they skip antiforgery. They only render a message and change nothing.
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
