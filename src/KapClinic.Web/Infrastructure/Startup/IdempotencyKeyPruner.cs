using KapClinic.Core.Data.Idempotency;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>
/// Deletes form idempotency keys older than <see cref="IdempotencyKeys.Retention"/> (24 h), every
/// Startup:IdempotencyPruneIntervalMinutes (default 60), on one app instance at a time (<see cref="SingleInstanceJob"/>;
/// the DELETE's own pg_try_advisory_xact_lock also keeps a manual pass from running beside it). A failure (database
/// down) is logged and retried at the next tick.
/// </summary>
public sealed class IdempotencyKeyPruner(
    IServiceScopeFactory scopes, IOptions<StartupOptions> options, TimeProvider clock, ILogger<IdempotencyKeyPruner> logger)
    : SingleInstanceJob(scopes, logger)
{
    private readonly IServiceScopeFactory scopes = scopes;

    protected override string JobName => "idempotency-key-prune";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.IdempotencyPruneIntervalMinutes));

    /// <summary>One pruning pass; the number of keys deleted (0 when another pass holds the lock).</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await PruneAsync(scope.ServiceProvider, cancellationToken);
    }

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        PruneAsync(services, cancellationToken);

    private Task<int> PruneAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IdempotencyKeys>().PruneAsync(clock.GetUtcNow() - IdempotencyKeys.Retention, cancellationToken);
}
