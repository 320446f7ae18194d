using System.Data.Common;
using KapClinic.Core.Data;

namespace KapClinic.Core.Inventory.Records;

/// <summary>The product a dispensing log is for, with its balance (all lots) before and at the end of the period.</summary>
public sealed class DispensingLogHeader
{
    public Guid ProductId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Ndc { get; init; } = string.Empty;

    public string Form { get; init; } = string.Empty;

    public string Strength { get; init; } = string.Empty;

    public decimal UnitsPerContainer { get; init; }

    /// <summary>Units on hand (all lots) when the period starts: the sum of every earlier entry.</summary>
    public decimal OpeningBalance { get; init; }

    /// <summary>Units on hand (all lots) when the period ends.</summary>
    public decimal ClosingBalance { get; init; }

    public string UnitName => Enum.TryParse<DosageForm>(Form, out var form) ? DrugProduct.UnitNameOf(form) : "unit";

    public string Label => $"{Name} {Strength} (NDC {Ndc})";

    internal static DispensingLogHeader Read(DbDataReader r) => new()
    {
        ProductId = r.Value<Guid>("ProductId"), Name = r.Value<string>("Name"), Ndc = r.Value<string>("Ndc"), Form = r.Value<string>("Form"),
        Strength = r.Value<string>("Strength"), UnitsPerContainer = r.Value<decimal>("UnitsPerContainer"),
        OpeningBalance = r.Value<decimal>("OpeningBalance"), ClosingBalance = r.Value<decimal>("ClosingBalance"),
    };
}
