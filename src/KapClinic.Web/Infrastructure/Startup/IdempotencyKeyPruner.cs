using KapClinic.Core.Data.Idempotency;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>
/// Deletes form idempotency keys older than <see cref="IdempotencyKeys.Retention"/> (24 h), every
/// Startup:IdempotencyPruneIntervalMinutes (default 60). Runs once across app instances: the DELETE takes a
/// transaction-level advisory lock with pg_try_advisory_xact_lock, and an instance that does not get it skips the
/// tick. A failure (database down) is logged and retried at the next tick.
/// </summary>
public sealed partial class IdempotencyKeyPruner(
    IServiceScopeFactory scopes, IOptions<StartupOptions> options, TimeProvider clock, ILogger<IdempotencyKeyPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.IdempotencyPruneIntervalMinutes)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogPruneFailed(logger, ex);
            }
        }
    }

    /// <summary>One pruning pass; the number of keys deleted (0 when another instance holds the lock).</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdempotencyKeys>()
            .PruneAsync(clock.GetUtcNow() - IdempotencyKeys.Retention, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old form idempotency keys failed; retrying at the next tick")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
