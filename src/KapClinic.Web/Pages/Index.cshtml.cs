using System.Security.Claims;
using KapClinic.Core.Dosing.Dashboard;
using KapClinic.Core.Dosing.Rems;
using KapClinic.Core.Notes;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages;

/// <summary>
/// The dashboard every signed-in user lands on: today's schedule (a clinician's own appointments; the clinic's
/// board for the front desk and Admins) and, for clinicians, today's dosing sessions in progress, the esketamine REMS
/// forms due and their overdue draft notes.
/// </summary>
public sealed class IndexModel(ClinicalNoteService notes, CalendarQueries calendar, DosingDashboardQueries dosing, RemsFormQueries rems) : PageModel
{
    /// <summary>Today's unsigned dosing sessions (clinicians only).</summary>
    public IReadOnlyList<DosingTodayItem> DosingToday { get; private set; } = [];

    /// <summary>The clinic's REMS forms still to submit (clinicians only).</summary>
    public RemsDueList? Rems { get; private set; }

    public IReadOnlyList<OverdueDraft> OverdueDrafts { get; private set; } = [];

    /// <summary>Today's appointments as this user should see them, and how many are late.</summary>
    public IReadOnlyList<TodayBoardItem> Today { get; private set; } = [];

    public bool ShowsWholeClinic { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        ShowsWholeClinic = User.IsInRole(ClinicRoles.Admin) || User.IsInRole(ClinicRoles.Staff);
        var board = await calendar.TodayBoardAsync(cancellationToken);
        Today = ShowsWholeClinic
            ? board.Items
            : board.Items.Where(i => i.Appointment.ClinicianId == userId || i.Appointment.PrescriberId == userId).ToList();
        if (User.IsInRole(ClinicRoles.Clinician))
        {
            OverdueDrafts = await notes.OverdueDraftsAsync(userId, cancellationToken);
            DosingToday = await dosing.TodayAsync(cancellationToken);
            Rems = await rems.RemsDueAsync(cancellationToken);
        }
    }

    /// <summary>Where a draft of each kind is edited.</summary>
    public static string EditUrl(OverdueDraft draft) => draft.Kind switch
    {
        NoteKind.PreparationSession => $"/Patients/{draft.PatientId}/Preparation/{draft.NoteId}/Edit",
        NoteKind.IntegrationNote => $"/Patients/{draft.PatientId}/Integration/{draft.NoteId}/Edit",
        NoteKind.DosingSession => $"/Patients/{draft.PatientId}/Dosing/{draft.NoteId}",
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
