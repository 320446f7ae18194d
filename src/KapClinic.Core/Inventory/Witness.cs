namespace KapClinic.Core.Inventory;

/// <summary>
/// A second user who confirmed what they saw with their own password. Made only by <see cref="InventoryWitnesses"/>
/// (the constructor is internal), so a ledger entry cannot name a witness who did not confirm.
/// </summary>
public sealed class Witness
{
    internal Witness(Guid userId, string name)
    {
        UserId = userId;
        Name = name;
    }

    public Guid UserId { get; }

    public string Name { get; }
}
