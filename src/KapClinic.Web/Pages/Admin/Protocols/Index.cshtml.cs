using KapClinic.Core.Courses;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Protocols;

public sealed class IndexModel(ProtocolService protocols) : PageModel
{
    public IReadOnlyList<ProtocolListItem> Protocols { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Protocols = await protocols.ListAsync(cancellationToken);
}
