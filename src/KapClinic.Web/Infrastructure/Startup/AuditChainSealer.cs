using KapClinic.Core.Auditing;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>
/// Seals new audit rows into the hash chain every few seconds (Startup:AuditSealIntervalSeconds, default 5), on one app
/// instance at a time (<see cref="SingleInstanceJob"/>; kap_audit_seal's own advisory lock guards a manual
/// verify-audit too). A failure (database down) is logged and retried at the next tick; audit rows are never lost,
/// only sealed later.
/// </summary>
public sealed class AuditChainSealer(IServiceScopeFactory scopes, IOptions<StartupOptions> options, ILogger<AuditChainSealer> logger)
    : SingleInstanceJob(scopes, logger)
{
    protected override string JobName => "audit-chain-seal";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.AuditSealIntervalSeconds));

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AuditChain>().SealAsync(cancellationToken);
}
