using FluentValidation;
using FluentValidation.Results;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>
/// "Schedule the course": propose the sessions the course still needs from its protocol, show clashes and the next
/// free slot for each, let the user adjust every item, then book all of them in one transaction or none.
/// </summary>
public sealed class PlanModel(
    CoursePlanService plans,
    SchedulingLookups lookups,
    IValidator<CoursePlanSetupInput> setupValidator,
    IValidator<PlanItemInput> itemValidator,
    IAuthorizationService authorization) : BookingPage(authorization)
{
    [BindProperty]
    public CoursePlanSetupInput Setup { get; set; } = new();

    [BindProperty]
    public List<PlanItemInput> Items { get; set; } = [];

    [BindProperty]
    public bool ConfirmOutsideHours { get; set; }

    [BindProperty]
    public bool ConfirmPastTime { get; set; }

    public CoursePlanContext Context { get; private set; } = null!;

    public PlanReview? Review { get; private set; }

    /// <summary>Set when PostgreSQL refused the plan: nothing was booked.</summary>
    public bool RefusedByDatabase { get; private set; }

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    public IReadOnlyList<RoomChoice> Rooms { get; private set; } = [];

    public bool ShowOutsideHoursConfirmation => ShowConfirmation(nameof(ConfirmOutsideHours), ConfirmOutsideHours);

    public bool ShowPastConfirmation => ShowConfirmation(nameof(ConfirmPastTime), ConfirmPastTime);

    public async Task OnGetAsync(Guid courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(courseId, cancellationToken);
        Setup = await plans.DefaultSetupAsync(Context, cancellationToken);
    }

    public async Task<IActionResult> OnPostProposeAsync(Guid courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(courseId, cancellationToken);
        var validation = await setupValidator.ValidateAsync(Setup, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Setup));
            Items = [];
            return Page();
        }

        Items = CoursePlanService.Propose(Context, Setup);
        ModelState.Clear(); // show the new proposal, not the items posted before
        await ReviewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(courseId, cancellationToken);
        if (await ValidateItemsAsync(cancellationToken))
        {
            await ReviewAsync(cancellationToken);
        }

        return Page();
    }

    /// <summary>Moves item <paramref name="alternative"/> to the next free slot the review found for it.</summary>
    public async Task<IActionResult> OnPostUseAlternativeAsync(Guid courseId, int alternative, CancellationToken cancellationToken)
    {
        await LoadAsync(courseId, cancellationToken);
        if (await ValidateItemsAsync(cancellationToken) && alternative >= 0 && alternative < Items.Count)
        {
            await ReviewAsync(cancellationToken);
            if (Review!.Items[alternative].Alternative is { } slot)
            {
                var zone = await lookups.ZoneAsync(cancellationToken);
                Items[alternative].Date = ClinicTimes.DateOf(slot.StartsAt, zone);
                Items[alternative].StartTime = ClinicTimes.TimeOf(slot.StartsAt, zone);
                ModelState.Clear();
                await ReviewAsync(cancellationToken);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(Guid courseId, CancellationToken cancellationToken)
    {
        await LoadAsync(courseId, cancellationToken);
        if (!await ValidateItemsAsync(cancellationToken))
        {
            return Page();
        }

        try
        {
            var booked = await plans.BookAsync(courseId, Items, Actor, ConfirmOutsideHours, ConfirmPastTime, cancellationToken);
            TempData["Status"] = $"Booked all {booked} sessions of the course.";
            return RedirectToPage(new { courseId });
        }
        catch (PlanConflictException ex)
        {
            RefusedByDatabase = true;
            Review = ex.Review;
            var numbers = ex.Review?.Conflicting.Select(r => Items[r.Index].Label).ToList() ?? [];
            ModelState.AddModelError(string.Empty, numbers.Count == 0
                ? "Nothing was booked: a session was taken by someone else meanwhile. Check again and book."
                : $"Nothing was booked: {string.Join(", ", numbers)} clash{(numbers.Count == 1 ? "es" : null)} with other appointments. Move {(numbers.Count == 1 ? "it" : "them")} (the next free times are offered) and book again.");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(new ValidationResult(ex.Errors), prefix: string.Empty);
            await ReviewAsync(cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, prefix: string.Empty);
        }

        return Page();
    }

    private async Task<bool> ValidateItemsAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            ModelState.AddErrors(await itemValidator.ValidateAsync(Items[i], cancellationToken), $"{nameof(Items)}[{i}]");
        }

        return ModelState.IsValid;
    }

    private async Task ReviewAsync(CancellationToken cancellationToken) =>
        Review = await plans.ReviewAsync(Context, Items, cancellationToken);

    private async Task LoadAsync(Guid courseId, CancellationToken cancellationToken)
    {
        await LoadRolesAsync();
        Context = await plans.GetContextAsync(courseId, cancellationToken);
        Clinicians = await lookups.CliniciansAsync(cancellationToken);
        Rooms = await lookups.RoomsAsync(cancellationToken: cancellationToken);
    }
}
