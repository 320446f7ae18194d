using FluentValidation;
using KapClinic.Core.Inventory;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Pages.Inventory.Manage;

/// <summary>Record waste (the unused part of a vial, a dropped lozenge): witnessed, with a reason.</summary>
public sealed class WasteModel(InventoryService inventory, InventoryQueries queries, IValidator<MovementInput> validator) : MovementPageModel(queries, validator)
{
    public override MovementText Text => new(
        "Record waste",
        "Drug that will not be used: the unused part of a vial, a dropped or damaged lozenge. A second person watches it go and confirms with their own password.",
        "Quantity wasted",
        "Above 0, to at most 2 decimals.",
        "Reason",
        "Required, e.g. \"Unused remainder after 35 mg IM dose\".",
        "Record waste");

    public async Task OnGetAsync(Guid lotId, CancellationToken cancellationToken) => await LoadAsync(lotId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid lotId, CancellationToken cancellationToken) =>
        await RecordAsync(lotId, () => inventory.WasteAsync(lotId, Input, ActingUserId, cancellationToken), () => $"Recorded waste of {Quantity}.", cancellationToken);

    private string Quantity => InventoryText.Units(Input.Quantity ?? 0, Lot.UnitName);
}
