using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>Rooms and chairs (Admin): add, rename or change the kind, retire and bring back.</summary>
public sealed class RoomsModel(RoomService rooms, SchedulingLookups lookups, IValidator<RoomInput> validator) : PageModel
{
    [BindProperty]
    public RoomInput NewRoom { get; set; } = new();

    [BindProperty]
    public RoomInput Edit { get; set; } = new();

    public IReadOnlyList<RoomChoice> Rooms { get; private set; } = [];

    /// <summary>The row whose changes were refused, shown with what the user typed.</summary>
    public Guid? EditingId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(NewRoom, cancellationToken);
        if (validation.IsValid)
        {
            try
            {
                await rooms.AddAsync(NewRoom, cancellationToken);
                TempData["Status"] = $"Added {NewRoom.Name!.Trim()}.";
                return RedirectToPage();
            }
            catch (RuleViolationException ex)
            {
                ModelState.AddError(ex, nameof(NewRoom));
            }
        }
        else
        {
            ModelState.AddErrors(validation, nameof(NewRoom));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        EditingId = id;
        var validation = await validator.ValidateAsync(Edit, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Edit));
            await LoadAsync(cancellationToken);
            return Page();
        }

        return await ActAsync(() => rooms.UpdateAsync(id, Edit, cancellationToken), $"Saved {Edit.Name!.Trim()}.", cancellationToken);
    }

    public Task<IActionResult> OnPostRetireAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(() => rooms.RetireAsync(id, version, cancellationToken), "The room is retired: it is no longer offered for booking.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, uint version, CancellationToken cancellationToken) =>
        ActAsync(() => rooms.ReactivateAsync(id, version, cancellationToken), "The room is back in use.", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> act, string done, CancellationToken cancellationToken)
    {
        try
        {
            await act();
            TempData["Status"] = done;
            return RedirectToPage();
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex, nameof(Edit));
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            EditingId = null; // show the room as it is now
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rooms = await lookups.RoomsAsync(activeOnly: false, cancellationToken);
}
