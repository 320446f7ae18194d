using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Integration;

/// <summary>
/// Write an integration note within a course: the open homework of the latest signed note is carried forward
/// into it. Save it as a draft, or save and sign it.
/// </summary>
public sealed class NewModel(
    IntegrationNoteService integrationNotes,
    IntegrationNoteQueries queries,
    IValidator<IntegrationNoteInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public IntegrationNoteInput Input { get; set; } = new();

    public IntegrationFormContext Context { get; private set; } = null!;

    public IntegrationFormView Form => new(
        Input, Context, User.FindFirstValue(ClinicClaims.SignatureName) ?? string.Empty, CanSign: true,
        HasUnsavedInput: Request.Method == HttpMethods.Post, CancelUrl: $"/Patients/{Context.Patient.Id}",
        CarriedFrom: Context.Carried.ToDictionary(c => c.ItemId, c => c.FromSessionAt));

    public async Task OnGetAsync(Guid id, Guid courseId, CancellationToken cancellationToken)
    {
        Context = await queries.GetFormContextAsync(id, courseId, cancellationToken);
        var now = await clinicTime.NowAsync();
        Input = new IntegrationNoteInput
        {
            OccurredAt = now.DateTime.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond),
            DurationMinutes = 60,
            Modality = SessionModality.InPerson,
            Format = NoteFormat.Dap,
            FollowsDosingSessionId = FollowableDosingSession.LatestBefore(Context.DosingSessions, (await clinicTime.NowAsync()).ToUniversalTime())?.Id,
            Homework = [.. Context.Carried.Select(c => new HomeworkInput { CarriedFromItemId = c.ItemId, Text = c.Text, Status = c.Status })],
        };
    }

    public Task<IActionResult> OnPostAsync(Guid id, Guid courseId, CancellationToken cancellationToken) =>
        SaveAsync(id, courseId, sign: false, cancellationToken);

    public Task<IActionResult> OnPostSignAsync(Guid id, Guid courseId, CancellationToken cancellationToken) =>
        SaveAsync(id, courseId, sign: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid id, Guid courseId, bool sign, CancellationToken cancellationToken)
    {
        Context = await queries.GetFormContextAsync(id, courseId, cancellationToken);
        var validation = await validator.ValidateAsync(Input, o => o.IncludeRuleSets(IntegrationNoteInputValidator.RuleSetsFor(sign)), cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            ModelState.AddModelError(string.Empty, sign ? "Not signed yet: complete the parts marked below." : "Not saved: correct the parts marked below.");
            return Page();
        }

        Guid noteId;
        try
        {
            noteId = await integrationNotes.CreateAsync(id, courseId, Input, ActingUserId, sign, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            ShowCarriedRowsAsTheyAreNow();
            return Page();
        }

        TempData["Status"] = sign ? "Integration note signed." : "Draft saved. It stays editable until you sign it.";
        return Redirect(sign ? $"/Patients/{id}/Integration/{noteId}" : $"/Patients/{id}/Integration/{noteId}/Edit");
    }

    // Another note signed since this form was opened changes what is carried forward: show the rows as they are now
    // (keeping the marks typed for rows still carried). Only reached after the validator passed, so no message is
    // tied to a row's position yet.
    private void ShowCarriedRowsAsTheyAreNow()
    {
        var current = Context.Carried.Select(c => (Guid?)c.ItemId).ToHashSet();
        Input.Homework.RemoveAll(h => h.CarriedFromItemId is not null && !current.Contains(h.CarriedFromItemId));
        var shown = Input.Homework.Select(h => h.CarriedFromItemId).ToHashSet();
        Input.Homework.InsertRange(0, Context.Carried.Where(c => !shown.Contains(c.ItemId))
            .Select(c => new HomeworkInput { CarriedFromItemId = c.ItemId, Text = c.Text, Status = c.Status }));
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
