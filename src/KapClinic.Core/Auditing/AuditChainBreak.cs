namespace KapClinic.Core.Auditing;

/// <summary>One broken link of the audit hash chain: the row's chain number and id, and what is wrong.</summary>
public sealed record AuditChainBreak(long ChainSeq, Guid Id, string Problem);
