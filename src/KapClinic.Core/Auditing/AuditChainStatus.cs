namespace KapClinic.Core.Auditing;

/// <summary>The result of verifying the audit hash chain: rows sealed and not yet sealed, the breaks (empty when intact) and the head hash.</summary>
public sealed record AuditChainStatus(long SealedRows, long UnsealedRows, IReadOnlyList<AuditChainBreak> Breaks, string? HeadHash)
{
    public bool IsIntact => Breaks.Count == 0;
}
