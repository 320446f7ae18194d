namespace KapClinic.Core.Inventory;

/// <summary>The finished form of a product; it fixes the unit the ledger counts in.</summary>
public enum DosageForm
{
    /// <summary>Counted in mL.</summary>
    Vial,

    /// <summary>Counted in lozenges.</summary>
    Lozenge,

    /// <summary>Counted in devices (esketamine: 28 mg each).</summary>
    NasalDevice,

    /// <summary>Counted in tablets.</summary>
    Tablet,
}
