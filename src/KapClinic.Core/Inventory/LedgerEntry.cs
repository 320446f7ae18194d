using KapClinic.Core.Auditing;
using KapClinic.Core.Common;

namespace KapClinic.Core.Inventory;

/// <summary>
/// One movement of a controlled substance, in the product's unit, by whom and when (UTC); append-only, here and in
/// the database (no UPDATE, DELETE or TRUNCATE). A mistake is fixed by a <see cref="LedgerEntryKind.Correction"/>
/// linked to it. The database sets <see cref="BalanceAfter"/> (and, for a count, <see cref="ExpectedUnits"/>) while
/// it changes the lot's balance in the same statement.
/// </summary>
public sealed class LedgerEntry : IAuditable
{
    public const int ReasonMaxLength = 1_000;
    public const int ReferenceMaxLength = 100;

    private LedgerEntry()
    {
    }

    private LedgerEntry(Lot lot, LedgerEntryKind kind, decimal delta, Guid recordedBy, DateTimeOffset now)
    {
        if (lot.IsClosed)
        {
            throw new RuleViolationException($"Lot {lot.LotNumber} is closed and takes no more entries.");
        }

        Id = Guid.CreateVersion7(now);
        LotId = lot.Id;
        ProductId = lot.ProductId;
        Kind = kind;
        Delta = delta;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid LotId { get; private set; }

    public Guid ProductId { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>The change to the lot's balance, in units: positive in, negative out, zero for a count.</summary>
    public decimal Delta { get; private set; }

    /// <summary>The lot's balance after this entry (set by the database).</summary>
    public decimal BalanceAfter { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The second person who saw the waste, return or adjustment and confirmed with their own password.</summary>
    public Guid? WitnessId { get; private set; }

    public Guid? PatientId { get; private set; }

    public Guid? DosingSessionId { get; private set; }

    public Guid? AdministrationId { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Reverse distributor's reference or DEA Form 41 number, for a return or destruction.</summary>
    public string? Reference { get; private set; }

    public Guid? CorrectsEntryId { get; private set; }

    /// <summary>A count: what the counter found on the shelf (without seeing the expected number).</summary>
    public decimal? CountedUnits { get; private set; }

    /// <summary>A count: the balance the ledger expected at that moment (set by the database).</summary>
    public decimal? ExpectedUnits { get; private set; }

    public decimal Quantity => Math.Abs(Delta);

    public string AuditEntityType => "LedgerEntry";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public static LedgerEntry Received(Lot lot, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return new LedgerEntry(lot, LedgerEntryKind.Received, Positive(lot.QuantityReceived), recordedBy, now);
    }

    /// <summary>A dose given from <paramref name="lot"/>; <paramref name="clinicToday"/> is today in the clinic's time zone (a lot is good through its expiry date there).</summary>
    public static LedgerEntry Administered(
        Lot lot, decimal units, Guid patientId, Guid sessionId, Guid administrationId, Guid recordedBy, DateTimeOffset now, DateOnly clinicToday)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (lot.IsExpiredOn(clinicToday))
        {
            throw new RuleViolationException("LotId", $"Lot {lot.LotNumber} expired on {lot.ExpiresOn:yyyy-MM-dd}: choose another lot.");
        }

        return new LedgerEntry(lot, LedgerEntryKind.Administered, -Positive(units), recordedBy, now)
        {
            PatientId = patientId,
            DosingSessionId = sessionId,
            AdministrationId = administrationId,
        };
    }

    public static LedgerEntry Wasted(Lot lot, decimal units, string reason, Witness witness, Guid recordedBy, DateTimeOffset now) =>
        Witnessed(lot, LedgerEntryKind.Wasted, -Positive(units), Required(reason, "Reason", "Say why it was wasted."), null, witness, recordedBy, now);

    public static LedgerEntry ReturnedOrDestroyed(Lot lot, decimal units, string reference, string? reason, Witness witness, Guid recordedBy, DateTimeOffset now) =>
        Witnessed(lot, LedgerEntryKind.ReturnedOrDestroyed, -Positive(units), Clean(reason), Required(reference, "Reference", "Enter the reverse distributor's reference or the DEA Form 41 number."), witness, recordedBy, now);

    public static LedgerEntry Adjustment(Lot lot, decimal delta, string reason, Witness witness, Guid recordedBy, DateTimeOffset now) =>
        Witnessed(lot, LedgerEntryKind.Adjustment, NonZero(delta), Required(reason, "Reason", "Say why the balance is adjusted."), null, witness, recordedBy, now);

    /// <summary>
    /// A correcting entry linked to <paramref name="corrected"/>: it goes against the original's sign, and the original
    /// with <paramref name="earlierCorrections"/> (the sum of its corrections so far) and this one stays between 0 and
    /// the original (a receipt of +10 is corrected by at most -10 in all; a waste of -2 by at most +2).
    /// </summary>
    public static LedgerEntry Correction(
        Lot lot, LedgerEntry corrected, decimal earlierCorrections, decimal delta, string reason, Witness witness, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(corrected);
        if (corrected.LotId != lot.Id)
        {
            throw new RuleViolationException("A correction belongs to the same lot as the entry it corrects.");
        }

        if (corrected.Kind is LedgerEntryKind.Count or LedgerEntryKind.Correction)
        {
            throw new RuleViolationException("A count or a correction is not corrected by a correction: record a new count, or correct the original entry.");
        }

        if (corrected.Kind == LedgerEntryKind.Administered)
        {
            throw new RuleViolationException("An administration is not corrected here: correct the dose record instead.");
        }

        _ = NonZero(delta);
        if (Math.Sign(delta) == Math.Sign(corrected.Delta))
        {
            throw new RuleViolationException("Quantity", corrected.Delta > 0
                ? "A correction goes against the entry: enter a negative change (the entry added units)."
                : "A correction goes against the entry: enter a positive change (the entry took units out).");
        }

        var remaining = corrected.Delta + earlierCorrections;
        var net = remaining + delta;
        if (Math.Sign(net) == -Math.Sign(corrected.Delta) || Math.Abs(net) > Math.Abs(corrected.Delta))
        {
            throw new RuleViolationException("Quantity", $"A correction can at most undo the entry: at most {Math.Abs(remaining):0.##} units are left to correct.");
        }

        var entry = Witnessed(lot, LedgerEntryKind.Correction, delta, Required(reason, "Reason", "Say what was wrong with the entry."), null, witness, recordedBy, now);
        entry.CorrectsEntryId = corrected.Id;
        return entry;
    }

    public static LedgerEntry Count(Lot lot, decimal countedUnits, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lot);
        if (countedUnits < 0)
        {
            throw new RuleViolationException("CountedUnits", "The count cannot be negative.");
        }

        return new LedgerEntry(lot, LedgerEntryKind.Count, 0m, recordedBy, now) { CountedUnits = countedUnits };
    }

    private static LedgerEntry Witnessed(
        Lot lot, LedgerEntryKind kind, decimal delta, string? reason, string? reference, Witness witness, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.UserId == recordedBy)
        {
            throw new RuleViolationException("WitnessId", "The witness must be a second person, not the one recording.");
        }

        return new LedgerEntry(lot, kind, delta, recordedBy, now) { WitnessId = witness.UserId, Reason = reason, Reference = reference };
    }

    private static decimal Positive(decimal units) =>
        units > 0 && decimal.Round(units, 2) == units ? units : throw new RuleViolationException("Quantity", "Enter a quantity above 0, to at most 2 decimals.");

    private static decimal NonZero(decimal units) =>
        units != 0 && decimal.Round(units, 2) == units ? units : throw new RuleViolationException("Quantity", "Enter a change other than 0, to at most 2 decimals.");

    private static string Required(string? text, string field, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolationException(field, message) : text.Trim();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
