namespace KapClinic.Core.Inventory.Records;

/// <summary>A product for the records' filters.</summary>
public sealed record ProductOption(Guid Id, string Name, string Ndc, string Strength, bool IsActive)
{
    public string Label => $"{Name} {Strength} (NDC {Ndc}){(IsActive ? string.Empty : ", retired")}";
}
