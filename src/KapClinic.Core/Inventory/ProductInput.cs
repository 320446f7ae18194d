using KapClinic.Core.Courses;

namespace KapClinic.Core.Inventory;

public sealed class ProductInput
{
    public string? Name { get; set; }

    public string? Ndc { get; set; }

    public DrugKind? Drug { get; set; }

    public DosageForm? Form { get; set; }

    public string? Strength { get; set; }

    public decimal? MgPerUnit { get; set; }

    public decimal? UnitsPerContainer { get; set; }

    public decimal? ReorderLevelUnits { get; set; }
}
