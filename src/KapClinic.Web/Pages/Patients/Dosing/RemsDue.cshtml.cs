using KapClinic.Core.Dosing.Rems;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>The clinic's esketamine REMS forms: overdue, due (within 7 days of the session) and submitted in the last 30 days.</summary>
public sealed class RemsDueModel(RemsFormQueries queries) : PageModel
{
    public RemsDueList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await queries.RemsDueAsync(cancellationToken);

    public static string FormUrl(Guid patientId, Guid sessionId) => $"/Patients/{patientId}/Dosing/{sessionId}/Rems";
}
