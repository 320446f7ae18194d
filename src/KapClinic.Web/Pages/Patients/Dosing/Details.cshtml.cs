using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using KapClinic.Web.Pages.Shared.Notes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// THE dosing session page, kept open beside the patient: header and steps, the monitoring bar, doses, overrides,
/// the timeline with its add-reading row (fetch, or a plain post without JavaScript), adverse events, signing,
/// addenda and co-signature. Handlers for the record's other forms are in the other parts of this class.
/// </summary>
public sealed partial class DetailsModel : PageModel
{
    /// <summary>The header the monitor's script sends: answer with the fragments to swap in, not a redirect.</summary>
    public const string FetchHeader = "X-Requested-With";
    public const string FetchHeaderValue = "fetch";
    public const string FragmentHeader = "X-Monitor-Fragment";

    private readonly DosingSessionQueries queries;
    private readonly DosingSessionService sessions;
    private readonly MonitoringService monitoring;
    private readonly ClinicalNoteService notes;
    private readonly ClinicTime clinicTime;
    private readonly IValidator<ReadingInput> readingValidator;
    private readonly IValidator<AdverseEventInput> eventValidator;
    private readonly IValidator<ResolveEventInput> resolveValidator;
    private readonly IValidator<InfusionEndInput> infusionValidator;
    private readonly IValidator<AddendumInput> addendumValidator;

    public DetailsModel(
        DosingSessionQueries queries, DosingSessionService sessions, MonitoringService monitoring, ClinicalNoteService notes, ClinicTime clinicTime,
        IValidator<ReadingInput> readingValidator, IValidator<AdverseEventInput> eventValidator, IValidator<ResolveEventInput> resolveValidator,
        IValidator<InfusionEndInput> infusionValidator, IValidator<AddendumInput> addendumValidator)
    {
        this.queries = queries;
        this.sessions = sessions;
        this.monitoring = monitoring;
        this.notes = notes;
        this.clinicTime = clinicTime;
        this.readingValidator = readingValidator;
        this.eventValidator = eventValidator;
        this.resolveValidator = resolveValidator;
        this.infusionValidator = infusionValidator;
        this.addendumValidator = addendumValidator;
    }

    [BindProperty]
    public ReadingInput Reading { get; set; } = new();

    public DosingSessionDetails Details { get; private set; } = null!;

    public DosingSession Session => Details.Session;

    /// <summary>The clinic's wall clock now, to the minute: the default of every time field.</summary>
    public DateTime ClinicNow { get; private set; }

    /// <summary>"Reading saved at 10:42.", announced after a fetch save.</summary>
    public string? SavedMessage { get; private set; }

    public bool IsAuthor => Session.AuthorId == ActingUserId;

    public bool IsClosed => Session.IsDischarged || Session.DoseWithheldReason is not null;

    public bool CanSign => !Session.IsSigned && IsClosed && IsAuthor;

    public string PageUrl => $"/Patients/{Details.Patient.Id}/Dosing/{Session.Id}";

    public NoteRecordView Record => new(
        Session,
        Details.NameOf(Session.AuthorId),
        Request.Method == HttpMethods.Post ? Addendum.Text : null,
        CanCoSign: User.HasClaim(ClinicClaims.Supervisor, "true") && !IsAuthor && Session.IsSigned);

    public async Task OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken) =>
        await LoadAsync(id, sessionId, recordView: true, cancellationToken);

    /// <summary>One reading: one INSERT. With the fetch header, answers the re-rendered bar, timeline and a fresh form (or the form with its errors, 422).</summary>
    public async Task<IActionResult> OnPostReadingAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        if (await IsValidAsync(readingValidator, Reading, nameof(Reading), cancellationToken))
        {
            try
            {
                await monitoring.AddReadingAsync(id, sessionId, Reading, ActingUserId, cancellationToken);
                var message = $"Reading saved at {Reading.TakenAt!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)}.";
                if (!IsFetch)
                {
                    TempData["Status"] = message;
                    return Redirect($"/Patients/{id}/Dosing/{sessionId}#timeline");
                }

                ModelState.Clear();
                Reading = new ReadingInput();
                SavedMessage = message;
                await LoadAsync(id, sessionId, recordView: false, cancellationToken);
                return Fragment("_MonitorUpdate", StatusCodes.Status200OK);
            }
            catch (RuleViolationException ex)
            {
                AddFormError(ex, nameof(Reading));
            }
        }

        await LoadAsync(id, sessionId, recordView: false, cancellationToken);
        return IsFetch ? Fragment("_ReadingForm", StatusCodes.Status422UnprocessableEntity) : Page();
    }

    private bool IsFetch => string.Equals(Request.Headers[FetchHeader], FetchHeaderValue, StringComparison.Ordinal);

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task LoadAsync(Guid id, Guid sessionId, bool recordView, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(id, sessionId, ActingUserId, recordView, cancellationToken);
        var now = (await clinicTime.ToClinicTimeAsync(Details.Now)).DateTime;
        ClinicNow = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        Reading.TakenAt ??= ClinicNow;
        Event.OnsetAt ??= ClinicNow;
        Infusion.EndAt ??= ClinicNow;
    }

    private async Task<IActionResult> ShowAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sessionId, recordView: false, cancellationToken);
        return Page();
    }

    private PartialViewResult Fragment(string name, int statusCode)
    {
        Response.Headers[FragmentHeader] = "1";
        var result = Partial($"/Pages/Patients/Dosing/{name}.cshtml", this);
        result.StatusCode = statusCode;
        return result;
    }

    /// <summary>Validates one form's input (and its binding) and puts the messages beside its fields.</summary>
    private async Task<bool> IsValidAsync<T>(IValidator<T> validator, T input, string prefix, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        ModelState.AddErrors(validation, prefix);
        return validation.IsValid && !ModelState.Any(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value?.Errors.Count > 0);
    }

    /// <summary>A rule refused the form: beside the named field, or at the top of that form (key = the form's prefix).</summary>
    private void AddFormError(RuleViolationException violation, string prefix, Func<string, string>? field = null) =>
        ModelState.AddModelError(violation.Field is null ? prefix : $"{prefix}.{(field is null ? violation.Field : field(violation.Field))}", violation.Message);
}
