namespace KapClinic.Core.Inventory;

public enum LedgerEntryKind
{
    Received,
    Administered,

    /// <summary>The unused part of a vial, a dropped lozenge: witnessed, with a reason.</summary>
    Wasted,

    /// <summary>Sent to a reverse distributor or destroyed (DEA Form 41): witnessed, with a reference.</summary>
    ReturnedOrDestroyed,

    /// <summary>Admin only, with a reason and a witness (e.g. resolving a count discrepancy).</summary>
    Adjustment,

    /// <summary>Undoes (part of) an earlier entry that was a mistake: linked to it, witnessed, with a reason.</summary>
    Correction,

    /// <summary>A blind count: what is on the shelf; changes no balance, a variance opens a discrepancy.</summary>
    Count,
}
