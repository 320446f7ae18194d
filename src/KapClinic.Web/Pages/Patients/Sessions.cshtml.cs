using System.Security.Claims;
using KapClinic.Core.Courses;
using KapClinic.Core.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients;

/// <summary>
/// A patient's sessions without note text (date, type, clinician, status): the front desk sees that a session
/// happened; clinicians get a link to each note. Open to every role that works with patients; audited.
/// </summary>
public sealed class SessionsModel(PatientSessionsQueries sessions) : PageModel
{
    public PatientSessionList List { get; private set; } = null!;

    public bool CanReadNotes => User.IsInRole(ClinicRoles.Clinician);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        List = await sessions.ListAsync(id, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
}
