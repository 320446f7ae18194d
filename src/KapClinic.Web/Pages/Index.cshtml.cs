using System.Security.Claims;
using KapClinic.Core.Notes;
using KapClinic.Core.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages;

/// <summary>The dashboard every signed-in user lands on: for clinicians, their overdue draft notes. Later features add today's schedule.</summary>
public sealed class IndexModel(ClinicalNoteService notes) : PageModel
{
    public IReadOnlyList<OverdueDraft> OverdueDrafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(ClinicRoles.Clinician))
        {
            OverdueDrafts = await notes.OverdueDraftsAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), cancellationToken);
        }
    }

    /// <summary>Where a draft of each kind is edited.</summary>
    public static string EditUrl(OverdueDraft draft) => draft.Kind switch
    {
        NoteKind.PreparationSession => $"/Patients/{draft.PatientId}/Preparation/{draft.NoteId}/Edit",
        NoteKind.IntegrationNote => $"/Patients/{draft.PatientId}/Integration/{draft.NoteId}/Edit",
        _ => $"/Patients/{draft.PatientId}",
    };

    public static string KindLabel(NoteKind kind) => kind switch
    {
        NoteKind.PreparationSession => "Preparation session",
        NoteKind.IntegrationNote => "Integration note",
        NoteKind.DosingSession => "Dosing session",
        _ => kind.ToString(),
    };
}
