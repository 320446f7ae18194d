using KapClinic.Core.Auditing;

namespace KapClinic.Web.Infrastructure.Cli;

/// <summary>
/// `verify-audit`: seals any audit rows not yet in the hash chain, then recomputes every link and prints the result.
/// Exit codes: 0 the chain is intact, 1 a link is broken (each broken row is listed by chain number and id).
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
        await chain.SealAsync(cancellationToken);
        var status = await chain.VerifyAsync(cancellationToken);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(invariant, $"Audit rows in the chain: {status.SealedRows}; not yet sealed: {status.UnsealedRows}; head hash: {status.HeadHash ?? "(empty chain)"}"));
        foreach (var broken in status.Breaks)
        {
            await output.WriteLineAsync(string.Create(invariant, $"BROKEN at chain row {broken.ChainSeq} (audit event {broken.Id}): {broken.Problem}"));
        }

        await output.WriteLineAsync(status.IsIntact ? "Audit chain intact." : string.Create(invariant, $"Audit chain BROKEN: {status.Breaks.Count} link(s) fail verification."));
        return status.IsIntact ? 0 : 1;
    }
}
