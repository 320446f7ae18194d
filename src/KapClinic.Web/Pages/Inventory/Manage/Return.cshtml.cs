using FluentValidation;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>Record a return to a reverse distributor or a destruction (DEA Form 41): witnessed, with its reference.</summary>
public sealed class ReturnModel(InventoryService inventory, InventoryQueries queries, IValidator<MovementInput> validator) : MovementPageModel(queries, validator)
{
    public override MovementText Text => new(
        "Return or destroy",
        "Stock sent to a reverse distributor, or destroyed on site and recorded on DEA Form 41 (expired or unwanted lots). A second person witnesses it.",
        "Quantity returned or destroyed",
        "Above 0, to at most 2 decimals.",
        "Notes (optional)",
        "E.g. \"Expired lot; 3 sealed vials\".",
        "Record return or destruction",
        "Method reference",
        "Required: the reverse distributor's reference (e.g. shipment or RMA number) or the DEA Form 41 number.");

    public async Task OnGetAsync(Guid lotId, CancellationToken cancellationToken) => await LoadAsync(lotId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken cancellationToken) =>
        await RecordAsync(
            lotId, () => inventory.ReturnOrDestroyAsync(lotId, Input, ActingUserId, cancellationToken),
            () => $"Recorded the return or destruction of {InventoryText.Units(Input.Quantity ?? 0, Lot.UnitName)}.", cancellationToken);
}
