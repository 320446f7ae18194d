using FluentValidation;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>Admins only (page policy, and Core checks again): a signed change to the balance, with a reason and a witness.</summary>
public sealed class AdjustModel(InventoryService inventory, InventoryQueries queries, IValidator<MovementInput> validator) : MovementPageModel(queries, validator)
{
    public override MovementText Text => new(
        "Adjust the balance",
        "For administrators, usually to settle a count discrepancy after investigating it. Use a correction instead when one entry was simply wrong.",
        "Change",
        "Positive adds to the balance, negative takes away (e.g. -0.5). Not 0; at most 2 decimals.",
        "Reason",
        "Required: what was found and why the balance changes.",
        "Record adjustment");

    public async Task OnGetAsync(Guid lotId, CancellationToken cancellationToken) => await LoadAsync(lotId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken cancellationToken) =>
        await RecordAsync(
            lotId, () => inventory.AdjustAsync(lotId, Input, ActingUserId, cancellationToken),
            () => $"Recorded an adjustment of {InventoryText.Change(Input.Quantity ?? 0, Lot.UnitName)}.", cancellationToken);
}
