using System.Data.Common;
using KapClinic.Core.Data;

namespace KapClinic.Core.Inventory.Records;

/// <summary>One lot on the inventory report: its balance at the end of the report's day and its last count by then.</summary>
public sealed class InventoryReportLot
{
    public Guid LotId { get; init; }

    public string ProductName { get; init; } = string.Empty;

    public string Ndc { get; init; } = string.Empty;

    public string Form { get; init; } = string.Empty;

    public string Strength { get; init; } = string.Empty;

    public decimal UnitsPerContainer { get; init; }

    public string LotNumber { get; init; } = string.Empty;

    public DateOnly ExpiresOn { get; init; }

    /// <summary>Units on hand at the end of the day, from the ledger.</summary>
    public decimal Balance { get; init; }

    public decimal? LastCountedUnits { get; init; }

    public DateTimeOffset? LastCountedAt { get; init; }

    public string UnitName => Enum.TryParse<DosageForm>(Form, out var form) ? DrugProduct.UnitNameOf(form) : "unit";

    /// <summary>Balance in containers (10 mL of a 10 mL vial is 1 container).</summary>
    public decimal Containers => UnitsPerContainer > 0 ? decimal.Round(Balance / UnitsPerContainer, 2) : 0;

    internal static InventoryReportLot Read(DbDataReader r) => new()
    {
        LotId = r.Value<Guid>("LotId"), ProductName = r.Value<string>("ProductName"), Ndc = r.Value<string>("Ndc"), Form = r.Value<string>("Form"),
        Strength = r.Value<string>("Strength"), UnitsPerContainer = r.Value<decimal>("UnitsPerContainer"), LotNumber = r.Value<string>("LotNumber"),
        ExpiresOn = r.Value<DateOnly>("ExpiresOn"), Balance = r.Value<decimal>("Balance"), LastCountedUnits = r.Optional<decimal>("LastCountedUnits"),
        LastCountedAt = r.Optional<DateTimeOffset>("LastCountedAt"),
    };
}
