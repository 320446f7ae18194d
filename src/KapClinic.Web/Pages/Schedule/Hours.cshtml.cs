using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>A clinician's weekly hours and time off (Admin). The clinician is chosen by id (?clinicianId=), never by name.</summary>
public sealed class HoursModel(
    ClinicianHoursService hours,
    SchedulingLookups lookups,
    IValidator<WorkingHoursInput> hoursValidator,
    IValidator<TimeOffInput> timeOffValidator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ClinicianId { get; set; }

    [BindProperty]
    public WorkingHoursInput Block { get; set; } = new() { Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0) };

    [BindProperty]
    public TimeOffInput Leave { get; set; } = new();

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    public ClinicianHoursView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddHoursAsync(CancellationToken cancellationToken)
    {
        var validation = await hoursValidator.ValidateAsync(Block, cancellationToken);
        return await ActAsync(validation, nameof(Block), () => hours.AddHoursAsync(ClinicianId!.Value, Block, cancellationToken), "Hours added.", cancellationToken);
    }

    public Task<IActionResult> OnPostRemoveHoursAsync(Guid hoursId, CancellationToken cancellationToken) =>
        ActAsync(null, nameof(Block), () => hours.RemoveHoursAsync(ClinicianId!.Value, hoursId, cancellationToken), "Hours removed.", cancellationToken);

    public async Task<IActionResult> OnPostAddTimeOffAsync(CancellationToken cancellationToken)
    {
        var validation = await timeOffValidator.ValidateAsync(Leave, cancellationToken);
        var affected = 0;
        var result = await ActAsync(
            validation, nameof(Leave), async () => affected = await hours.AddTimeOffAsync(ClinicianId!.Value, Leave, cancellationToken), "Time off added.", cancellationToken);
        if (affected > 0)
        {
            TempData["Status"] = $"Time off added. {affected} appointment{(affected == 1 ? " is" : "s are")} booked with this clinician on those days: move or cancel {(affected == 1 ? "it" : "them")}.";
        }

        return result;
    }

    public Task<IActionResult> OnPostRemoveTimeOffAsync(Guid timeOffId, CancellationToken cancellationToken) =>
        ActAsync(null, nameof(Leave), () => hours.RemoveTimeOffAsync(ClinicianId!.Value, timeOffId, cancellationToken), "Time off removed.", cancellationToken);

    private async Task<IActionResult> ActAsync(
        FluentValidation.Results.ValidationResult? validation, string prefix, Func<Task> act, string done, CancellationToken cancellationToken)
    {
        if (ClinicianId is null)
        {
            return RedirectToPage();
        }

        if (validation is { IsValid: false })
        {
            ModelState.AddErrors(validation, prefix);
        }
        else
        {
            try
            {
                await act();
                TempData["Status"] = done;
                return RedirectToPage(new { clinicianId = ClinicianId });
            }
            catch (RuleViolationException ex)
            {
                ModelState.AddError(ex, prefix);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Clinicians = await lookups.CliniciansAsync(cancellationToken);
        if (Clinicians.All(c => c.Id != ClinicianId))
        {
            ClinicianId = Clinicians.Count > 0 ? Clinicians[0].Id : null;
        }

        View = ClinicianId is { } id ? await hours.GetAsync(id, cancellationToken) : null;
    }
}
