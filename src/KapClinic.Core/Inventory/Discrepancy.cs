using KapClinic.Core.Auditing;
using KapClinic.Core.Common;

namespace KapClinic.Core.Inventory;

/// <summary>
/// A count that did not match the ledger. It stays open on the dashboard until an Admin resolves it with a note
/// (usually with an adjustment entry). A loss reminds of the DEA rule: theft or significant loss reported within
/// one business day, Form 106 within 45 days.
/// </summary>
public sealed class Discrepancy : IAuditable
{
    public const int NoteMaxLength = 2_000;

    private Discrepancy()
    {
    }

    public Discrepancy(LedgerEntry count, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(count);
        if (count.Kind != LedgerEntryKind.Count || count.ExpectedUnits is null || count.CountedUnits is null)
        {
            throw new ArgumentException("A discrepancy comes from a stored count.", nameof(count));
        }

        if (count.CountedUnits == count.ExpectedUnits)
        {
            throw new ArgumentException("A count that matches the ledger opens no discrepancy.", nameof(count));
        }

        Id = Guid.CreateVersion7(now);
        CountEntryId = count.Id;
        LotId = count.LotId;
        ProductId = count.ProductId;
        ExpectedUnits = count.ExpectedUnits.Value;
        CountedUnits = count.CountedUnits.Value;
        OpenedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CountEntryId { get; private set; }

    public Guid LotId { get; private set; }

    public Guid ProductId { get; private set; }

    public decimal ExpectedUnits { get; private set; }

    public decimal CountedUnits { get; private set; }

    /// <summary>Counted minus expected: negative is a loss.</summary>
    public decimal Variance => CountedUnits - ExpectedUnits;

    public bool IsLoss => Variance < 0;

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid? ResolvedBy { get; private set; }

    public string? ResolutionNote { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public string AuditEntityType => "Discrepancy";

    public Guid AuditEntityId => Id;

    public void Resolve(Guid adminId, string note, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("This discrepancy is already resolved.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new RuleViolationException("ResolutionNote", "Write how the discrepancy was resolved.");
        }

        ResolvedAt = now;
        ResolvedBy = adminId;
        ResolutionNote = note.Trim();
    }
}
