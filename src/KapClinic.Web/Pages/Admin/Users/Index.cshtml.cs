using KapClinic.Core.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdministration users) : PageModel
{
    public IReadOnlyList<UserListItem> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await users.ListAsync(cancellationToken);
}
