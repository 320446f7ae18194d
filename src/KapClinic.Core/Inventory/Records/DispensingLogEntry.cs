using System.Data.Common;
using System.Globalization;
using KapClinic.Core.Data;

namespace KapClinic.Core.Inventory.Records;

/// <summary>One line of the dispensing log: a ledger entry with the product's running balance after it.</summary>
public sealed class DispensingLogEntry
{
    public Guid Id { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string LotNumber { get; init; } = string.Empty;

    /// <summary>Signed change: positive in, negative out, 0 for a count.</summary>
    public decimal Delta { get; init; }

    /// <summary>The lot's balance after the entry (recorded by the database when it was written).</summary>
    public decimal LotBalanceAfter { get; init; }

    /// <summary>The product's balance over all its lots after the entry (running sum of every entry, oldest first).</summary>
    public decimal ProductBalance { get; init; }

    /// <summary>For an administration: the patient's MRN (no name: the log is shared with inspectors).</summary>
    public string? PatientMrn { get; init; }

    public string RecordedBy { get; init; } = string.Empty;

    public string? Witness { get; init; }

    public string? Reason { get; init; }

    public string? Reference { get; init; }

    public decimal? CountedUnits { get; init; }

    public decimal? ExpectedUnits { get; init; }

    public Guid? CorrectsEntryId { get; init; }

    /// <summary>For a receipt: the date the lot arrived (the entry's own time is when it was recorded).</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>For a receipt: the supplier as on the lot (DEA records name, address and DEA number).</summary>
    public string? SupplierName { get; init; }

    public string? SupplierAddress { get; init; }

    public string? SupplierDeaNumber { get; init; }

    public string? InvoiceNumber { get; init; }

    /// <summary>For an administration: when the dose was given (the entry's own time is when it was recorded).</summary>
    public DateTimeOffset? AdministeredAt { get; init; }

    /// <summary>For an administration: who gave the dose, as signed ("A. Rivera, MD"); the recorder may be someone else.</summary>
    public string? GivenBy { get; init; }

    /// <summary>Where a receipt came from, in one line: "Supplier, address · DEA RC0183462 · Invoice INV-1001".</summary>
    public string Supplier
    {
        get
        {
            if (string.IsNullOrWhiteSpace(SupplierName))
            {
                return string.Empty;
            }

            var parts = new List<string>(3) { string.IsNullOrWhiteSpace(SupplierAddress) ? SupplierName : $"{SupplierName}, {SupplierAddress}" };
            if (!string.IsNullOrWhiteSpace(SupplierDeaNumber))
            {
                parts.Add($"DEA {SupplierDeaNumber}");
            }

            if (!string.IsNullOrWhiteSpace(InvoiceNumber))
            {
                parts.Add($"Invoice {InvoiceNumber}");
            }

            return string.Join(" · ", parts);
        }
    }

    public LedgerEntryKind EntryKind => Enum.Parse<LedgerEntryKind>(Kind);

    /// <summary>Reason, reference and, for a count, what was counted against what was expected, in one line.</summary>
    public string Details
    {
        get
        {
            var parts = new List<string>(3);
            if (CountedUnits is { } counted && ExpectedUnits is { } expected)
            {
                parts.Add(counted == expected
                    ? string.Create(CultureInfo.InvariantCulture, $"Counted {counted:0.##}: matches")
                    : string.Create(CultureInfo.InvariantCulture, $"Counted {counted:0.##}, expected {expected:0.##} (variance {counted - expected:+0.##;-0.##})"));
            }

            if (!string.IsNullOrWhiteSpace(Reference))
            {
                parts.Add($"Ref. {Reference}");
            }

            if (!string.IsNullOrWhiteSpace(Reason))
            {
                parts.Add(Reason);
            }

            return string.Join(" · ", parts);
        }
    }

    internal static DispensingLogEntry Read(DbDataReader r) => new()
    {
        Id = r.Value<Guid>("Id"), RecordedAt = r.Value<DateTimeOffset>("RecordedAt"), Kind = r.Value<string>("Kind"), LotNumber = r.Value<string>("LotNumber"),
        Delta = r.Value<decimal>("Delta"), LotBalanceAfter = r.Value<decimal>("LotBalanceAfter"), ProductBalance = r.Value<decimal>("ProductBalance"),
        PatientMrn = r.Text("PatientMrn"), RecordedBy = r.Value<string>("RecordedBy"), Witness = r.Text("Witness"), Reason = r.Text("Reason"),
        Reference = r.Text("Reference"), CountedUnits = r.Optional<decimal>("CountedUnits"), ExpectedUnits = r.Optional<decimal>("ExpectedUnits"),
        CorrectsEntryId = r.Optional<Guid>("CorrectsEntryId"), ReceivedOn = r.Optional<DateOnly>("ReceivedOn"), SupplierName = r.Text("SupplierName"),
        SupplierAddress = r.Text("SupplierAddress"), SupplierDeaNumber = r.Text("SupplierDeaNumber"), InvoiceNumber = r.Text("InvoiceNumber"),
        AdministeredAt = r.Optional<DateTimeOffset>("AdministeredAt"), GivenBy = r.Text("GivenBy"),
    };
}
