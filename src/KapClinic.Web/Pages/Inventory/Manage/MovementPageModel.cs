using System.Security.Claims;
using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>
/// A witnessed movement on one lot: quantity in the product's unit, reason (and reference), and a second person who
/// chooses their name and types their own password on this screen. What was typed is kept on a refusal, never the
/// password. Core checks the witness and the rules again; the database refuses an overdraw.
/// </summary>
public abstract class MovementPageModel(InventoryQueries queries, IValidator<MovementInput> validator) : PageModel
{
    [BindProperty]
    public MovementInput Input { get; set; } = new();

    public LotHeader Lot { get; private set; } = null!;

    /// <summary>The lot's balance when the form was shown (the database checks again when the entry is written).</summary>
    public decimal Balance { get; private set; }

    public IReadOnlyList<StaffOption> Witnesses { get; private set; } = [];

    public abstract MovementText Text { get; }

    protected InventoryQueries Queries => queries;

    protected Guid ActingUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    protected async Task LoadAsync(Guid lotId, CancellationToken cancellationToken)
    {
        (Lot, Balance, _) = await queries.LotWithBalanceAsync(lotId, cancellationToken);
        Witnesses = await queries.WitnessesAsync(ActingUserId, cancellationToken);
    }

    /// <summary>Validates, records through <paramref name="record"/>, and goes back to the lot with the <paramref name="status"/> message.</summary>
    protected async Task<IActionResult> RecordAsync(Guid lotId, Func<Task> record, Func<string> status, CancellationToken cancellationToken)
    {
        await LoadAsync(lotId, cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!InventoryFormErrors.Apply(ModelState, validation))
        {
            return Page();
        }

        try
        {
            await record();
        }
        catch (RuleViolationException ex)
        {
            InventoryFormErrors.Add(ModelState, ex);
            return Page();
        }
        finally
        {
            Input.WitnessPassword = null;
        }

        TempData["Status"] = status();
        return RedirectToPage("/Inventory/Lots/Details", new { lotId });
    }
}
