using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Auditing;

/// <summary>
/// The audit trail's hash chain (see <see cref="AuditChainSql"/>): sealing new rows into the chain, and verifying
/// every link. Both run in PostgreSQL; this class only calls them.
/// </summary>
public sealed class AuditChain(KapClinicDbContext db)
{
    /// <summary>How many rows one seal call takes at most, so one call stays a short transaction.</summary>
    public const int BatchSize = 5000;

    /// <summary>Seals unsealed rows, oldest first, in batches until none are left; returns how many it sealed.</summary>
    public async Task<long> SealAsync(CancellationToken cancellationToken = default)
    {
        long total = 0;
        while (true)
        {
            var sealedNow = await db.Database.SqlQuery<int>($"SELECT kap_audit_seal({BatchSize}) AS \"Value\"").SingleAsync(cancellationToken);
            total += sealedNow;
            if (sealedNow < BatchSize)
            {
                return total;
            }
        }
    }

    // Column names are snake_case: the naming convention applies to these unmapped result types too.
    /// <summary>Recomputes every link of the chain (at most 100 breaks are listed).</summary>
    public async Task<AuditChainStatus> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var breaks = await db.Database
            .SqlQuery<AuditChainBreak>($"SELECT chain_seq, id, problem FROM kap_audit_verify() LIMIT 100")
            .ToListAsync(cancellationToken);
        var counts = await db.Database.SqlQuery<ChainCounts>($"""
            SELECT count(*) FILTER (WHERE row_hash IS NOT NULL) AS sealed, count(*) FILTER (WHERE row_hash IS NULL) AS unsealed,
                   (SELECT encode(row_hash, 'hex') FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1) AS head
              FROM audit_events
            """).SingleAsync(cancellationToken);
        return new AuditChainStatus(counts.Sealed, counts.Unsealed, breaks, counts.Head);
    }

    private sealed record ChainCounts(long Sealed, long Unsealed, string? Head);
}
