using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients.Measures;

/// <summary>Enter a rating scale item by item; the server validates every item, scores it and files it on the chart.</summary>
public sealed class NewModel(
    MeasureService measures,
    PatientBannerService banners,
    IValidator<MeasureAnswersInput> validator,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    public PatientBanner Patient { get; private set; } = null!;

    public InstrumentDefinition? Definition { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Instrument? instrument, CancellationToken cancellationToken)
    {
        await LoadAsync(id, instrument, cancellationToken);
        if (Definition is not null)
        {
            Input = new MeasureForm
            {
                Instrument = Definition.Instrument,
                Answers = Enumerable.Repeat<int?>(null, Definition.ItemCount).ToList(),
                TakenAt = (await clinicTime.NowAsync()).DateTime,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Instrument? instrument, CancellationToken cancellationToken)
    {
        await LoadAsync(id, Input.Instrument, cancellationToken);
        var answers = new MeasureAnswersInput { Instrument = Input.Instrument, Answers = Input.Answers };
        var validation = await validator.ValidateAsync(answers, cancellationToken);
        if (Input.TakenAt is null)
        {
            ModelState.AddModelError("Input.TakenAt", "Enter when the measure was taken.");
        }

        if (!validation.IsValid || Input.TakenAt is null)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        var zone = (await clinicTime.SettingsAsync()).TimeZone;
        var takenAt = new DateTimeOffset(Input.TakenAt.Value, zone.GetUtcOffset(Input.TakenAt.Value));
        try
        {
            await measures.RecordAsync(id, answers, takenAt, Input.CourseId, ActingUserId, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }

        var score = MeasureScoring.Score(Input.Instrument, Input.Answers.Select(a => a!.Value).ToList());
        TempData["Status"] = $"{Definition!.ShortName} recorded: total {TrendChartLayout.Total(score.Total)}{(score.Band is null ? null : $" ({score.Band})")}"
            + (score.Alerts.Count > 0 ? $". Alert: {string.Join(", ", score.Alerts.Select(a => ChartText.MeasureAlert(a.ToString()).ToLowerInvariant()))}; see the chart's alerts." : ".");
        return Redirect($"/Patients/{id}");
    }

    private async Task LoadAsync(Guid id, Instrument? instrument, CancellationToken cancellationToken)
    {
        Patient = await banners.GetAsync(id, cancellationToken);
        Definition = instrument is { } i && Enum.IsDefined(i) ? Instruments.Get(i) : null;
        if (Definition is not null && Input.Answers.Count != Definition.ItemCount)
        {
            Input.Answers = [.. Input.Answers.Concat(Enumerable.Repeat<int?>(null, Definition.ItemCount)).Take(Definition.ItemCount)];
        }
    }

    private Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public sealed class MeasureForm
    {
        public Instrument Instrument { get; set; }

        public List<int?> Answers { get; set; } = [];

        /// <summary>Clinic-local date and time the patient completed it.</summary>
        public DateTime? TakenAt { get; set; }

        public Guid? CourseId { get; set; }
    }
}
