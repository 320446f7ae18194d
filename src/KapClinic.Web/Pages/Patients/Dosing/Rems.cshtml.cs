using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Dosing.Rems;
using KapClinic.Core.Settings;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// The esketamine REMS Patient Monitoring Form of a session, laid out like the paper form and filled from the log
/// (printable), with its due date; and "Mark as submitted" with the date and the confirmation number.
/// </summary>
public sealed class RemsModel(
    RemsFormQueries queries, RemsService rems, ClinicSettingsService settings, IValidator<RemsSubmissionInput> validator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RemsSubmissionInput Input { get; set; } = new();

    public RemsForm Form { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public RemsStatus Status => Form.Status(Today);

    public string SessionUrl => $"/Patients/{Form.PatientId}/Dosing/{Form.SessionId}";

    public async Task OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sessionId, cancellationToken);
        Input = new RemsSubmissionInput { SubmittedOn = Today };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            await LoadAsync(id, sessionId, cancellationToken);
            return Page();
        }

        try
        {
            await rems.MarkSubmittedAsync(id, sessionId, Input.SubmittedOn!.Value, Input.ConfirmationNumber!, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            await LoadAsync(id, sessionId, cancellationToken);
            return Page();
        }

        TempData["Status"] = "The REMS form is marked as submitted.";
        return Redirect($"/Patients/{id}/Dosing/{sessionId}/Rems");
    }

    private async Task LoadAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        Form = await queries.GetAsync(id, sessionId, ActingUserId, cancellationToken);
        Today = ClinicCalendar.Today(clock, (await settings.GetAsync(cancellationToken)).TimeZone);
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
