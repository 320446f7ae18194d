using KapClinic.Core.Auditing;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>
/// Seals new audit rows into the hash chain every few seconds (Audit:SealIntervalSeconds, default 5). Several app
/// instances may run it: the database's advisory lock lets one seal at a time. A failure (database down) is
/// logged and retried at the next tick; audit rows are never lost, only sealed later.
/// </summary>
public sealed partial class AuditChainSealer(IServiceScopeFactory scopes, IOptions<StartupOptions> options, ILogger<AuditChainSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.AuditSealIntervalSeconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditChain>().SealAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSealFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing audit rows into the hash chain failed; retrying at the next tick")]
    private static partial void LogSealFailed(ILogger logger, Exception exception);
}
