using FluentValidation;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>
/// Correct a ledger entry: a new, linked entry that reverses (part of) it, with a reason and a witness. The form
/// opens with the full reversal prefilled; the original stays as it was.
/// </summary>
public sealed class CorrectModel(InventoryService inventory, InventoryQueries queries, IValidator<MovementInput> validator) : MovementPageModel(queries, validator)
{
    public LedgerRow Entry { get; private set; } = null!;

    public override MovementText Text => new(
        "Correct an entry",
        "A ledger entry is never edited. A correction is a new entry, linked to the one it corrects, that changes the balance by the amount it was wrong.",
        "Change to the balance",
        "Prefilled with the full reversal of the entry. Positive adds back, negative takes away; not 0.",
        "Reason",
        "Required: what was wrong, e.g. \"Keyed 5 mL; 0.5 mL was wasted\".",
        "Record correction");

    public async Task<IActionResult> OnGetAsync(Guid lotId, Guid entryId, CancellationToken cancellationToken)
    {
        await LoadAsync(lotId, cancellationToken);
        await LoadEntryAsync(lotId, entryId, cancellationToken);
        Input.Quantity = -Entry.Delta;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid lotId, Guid entryId, CancellationToken cancellationToken)
    {
        await LoadEntryAsync(lotId, entryId, cancellationToken);
        return await RecordAsync(
            lotId, () => inventory.CorrectAsync(entryId, Input, ActingUserId, cancellationToken),
            () => $"Recorded a correction of {InventoryText.Change(Input.Quantity ?? 0, Lot.UnitName)}, linked to the {InventoryText.Kind(Entry.Kind).ToLowerInvariant()} entry.",
            cancellationToken);
    }

    private async Task LoadEntryAsync(Guid lotId, Guid entryId, CancellationToken cancellationToken) =>
        Entry = (await Queries.CorrectionTargetAsync(lotId, entryId, cancellationToken)).Entry;
}
