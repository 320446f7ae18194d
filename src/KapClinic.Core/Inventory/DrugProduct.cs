using KapClinic.Core.Auditing;
using KapClinic.Core.Courses;

namespace KapClinic.Core.Inventory;

/// <summary>
/// A controlled-substance product the clinic stocks (CLINICAL.md "Controlled-substance records"): name, NDC, finished
/// form and strength, units per container. The ledger counts in the form's unit (mL for a vial, otherwise pieces);
/// <see cref="MgPerUnit"/> converts a dose in mg to units.
/// </summary>
public sealed class DrugProduct : IAuditable
{
    public const int NameMaxLength = 120;
    public const int NdcMaxLength = 13;
    public const int StrengthMaxLength = 60;

    private DrugProduct()
    {
        Name = string.Empty;
        Ndc = string.Empty;
        Strength = string.Empty;
    }

    public DrugProduct(Guid id, string name, string ndc, DrugKind drug, DosageForm form, string strength, decimal mgPerUnit, decimal unitsPerContainer, decimal reorderLevelUnits)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(ndc);
        ArgumentException.ThrowIfNullOrWhiteSpace(strength);
        if (mgPerUnit <= 0 || unitsPerContainer <= 0 || reorderLevelUnits < 0)
        {
            throw new ArgumentException("Strength per unit and units per container must be positive; the reorder level not negative.");
        }

        Id = id;
        Name = name.Trim();
        Ndc = ndc.Trim();
        Drug = drug;
        Form = form;
        Strength = strength.Trim();
        MgPerUnit = mgPerUnit;
        UnitsPerContainer = unitsPerContainer;
        ReorderLevelUnits = reorderLevelUnits;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>National Drug Code as printed on the container, e.g. 0409-2051-05.</summary>
    public string Ndc { get; private set; }

    public DrugKind Drug { get; private set; }

    public DosageForm Form { get; private set; }

    /// <summary>Strength as labelled, e.g. "500 mg/10 mL (50 mg/mL)" or "28 mg per device".</summary>
    public string Strength { get; private set; }

    /// <summary>mg of drug in one ledger unit: 50 for a 50 mg/mL vial, 100 for a 100 mg lozenge, 28 for a device.</summary>
    public decimal MgPerUnit { get; private set; }

    /// <summary>Ledger units in one container: 10 (mL) for a 10 mL vial, 1 for a lozenge or a device.</summary>
    public decimal UnitsPerContainer { get; private set; }

    /// <summary>At or below this many units in stock the dashboard shows low stock.</summary>
    public decimal ReorderLevelUnits { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>"mL", "lozenge", "device", "tablet".</summary>
    public string UnitName => UnitNameOf(Form);

    public string AuditEntityType => "DrugProduct";

    public Guid AuditEntityId => Id;

    public static string UnitNameOf(DosageForm form) => form switch
    {
        DosageForm.Vial => "mL",
        DosageForm.Lozenge => "lozenge",
        DosageForm.NasalDevice => "device",
        _ => "tablet",
    };

    /// <summary>Units of this product that hold <paramref name="mg"/> (2 decimals; a vial's mL are measured to 0.01).</summary>
    public decimal UnitsFor(decimal mg) => UnitsOf(mg, MgPerUnit);

    /// <summary>Units holding <paramref name="mg"/> at <paramref name="mgPerUnit"/> mg a unit, to 2 decimals.</summary>
    public static decimal UnitsOf(decimal mg, decimal mgPerUnit) => decimal.Round(mg / mgPerUnit, 2, MidpointRounding.AwayFromZero);

    /// <summary>The forms a dose by <paramref name="route"/> is given from: a vial for an injection or infusion, a lozenge or tablet by mouth, a device in the nose.</summary>
    public static IReadOnlyList<DosageForm> FormsFor(AdministrationRoute route) => route switch
    {
        AdministrationRoute.Intravenous or AdministrationRoute.Intramuscular => [DosageForm.Vial],
        AdministrationRoute.Sublingual or AdministrationRoute.Oral => [DosageForm.Lozenge, DosageForm.Tablet],
        _ => [DosageForm.NasalDevice],
    };

    public void SetReorderLevel(decimal units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        ReorderLevelUnits = units;
    }

    public void Retire() => IsActive = false;
}
