using KapClinic.Core.Courses;
using KapClinic.Core.Inventory;

namespace KapClinic.Core.Demo;

/// <summary>A demo lot with its product's facts, and what is left of it once the demo's doses are allotted.</summary>
internal sealed class DemoStockLot(Lot lot, DrugKind drug, DosageForm form, decimal mgPerUnit, decimal unitsPerContainer)
{
    public Lot Lot { get; } = lot;

    public DrugKind Drug { get; } = drug;

    public DosageForm Form { get; } = form;

    public decimal MgPerUnit { get; } = mgPerUnit;

    public decimal UnitsPerContainer { get; } = unitsPerContainer;

    /// <summary>Received less the doses allotted so far.</summary>
    public decimal Remaining { get; set; } = lot.QuantityReceived;
}
