using System.Data.Common;
using KapClinic.Core.Data;

namespace KapClinic.Core.Inventory.Records;

/// <summary>One line of the discrepancy log.</summary>
public sealed class DiscrepancyLogEntry
{
    public Guid Id { get; init; }

    public string ProductName { get; init; } = string.Empty;

    public string LotNumber { get; init; } = string.Empty;

    public decimal ExpectedUnits { get; init; }

    public decimal CountedUnits { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>Who made the count that opened it.</summary>
    public string CountedBy { get; init; } = string.Empty;

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? ResolvedBy { get; init; }

    public string? ResolutionNote { get; init; }

    public decimal Variance => CountedUnits - ExpectedUnits;

    public bool IsLoss => Variance < 0;

    public bool IsOpen => ResolvedAt is null;

    internal static DiscrepancyLogEntry Read(DbDataReader r) => new()
    {
        Id = r.Value<Guid>("Id"), ProductName = r.Value<string>("ProductName"), LotNumber = r.Value<string>("LotNumber"),
        ExpectedUnits = r.Value<decimal>("ExpectedUnits"), CountedUnits = r.Value<decimal>("CountedUnits"), OpenedAt = r.Value<DateTimeOffset>("OpenedAt"),
        CountedBy = r.Value<string>("CountedBy"), ResolvedAt = r.Optional<DateTimeOffset>("ResolvedAt"), ResolvedBy = r.Text("ResolvedBy"),
        ResolutionNote = r.Text("ResolutionNote"),
    };
}
