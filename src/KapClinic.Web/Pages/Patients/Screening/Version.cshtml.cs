using KapClinic.Core.Screening;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Screening;

/// <summary>One screening version, read-only: earlier versions never change.</summary>
public sealed class VersionModel(ScreeningService screening) : PageModel
{
    public ScreeningVersionDetails Details { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, int version, CancellationToken cancellationToken) =>
        Details = await screening.GetVersionAsync(id, version, cancellationToken);
}
