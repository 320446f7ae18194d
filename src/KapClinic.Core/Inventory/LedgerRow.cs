namespace KapClinic.Core.Inventory;

/// <summary>
/// One ledger entry as the lot page shows it: who, when, the change and the balance after, the witness, the patient
/// (MRN) and dosing session for an administration, and the corrections linking entries both ways.
/// </summary>
public sealed record LedgerRow(
    Guid Id, DateTimeOffset RecordedAt, LedgerEntryKind Kind, decimal Delta, decimal BalanceAfter, string RecordedBy, string? Witness,
    Guid? PatientId, string? PatientMrn, Guid? DosingSessionId, string? Reason, string? Reference, Guid? CorrectsEntryId,
    decimal? CountedUnits, decimal? ExpectedUnits)
{
    /// <summary>Later entries that correct this one.</summary>
    public IReadOnlyList<Guid> CorrectedBy { get; init; } = [];

    /// <summary>A count or a correction is not itself corrected (see <see cref="LedgerEntry.Correction"/>).</summary>
    public bool CanBeCorrected => Kind is not (LedgerEntryKind.Count or LedgerEntryKind.Correction);
}
