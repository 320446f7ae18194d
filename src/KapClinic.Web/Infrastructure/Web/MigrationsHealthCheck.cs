using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// Ready only when the database schema is at this build's latest migration. Inside the execution strategy, like every
/// other query: a pooled connection the server cut (restart, pg_terminate_backend) is retried, not reported as an outage.
/// </summary>
public sealed class MigrationsHealthCheck(KapClinicDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            db, static async (c, ct) => (await c.Database.GetPendingMigrationsAsync(ct)).Count(), cancellationToken);
        return pending == 0
            ? HealthCheckResult.Healthy("Schema is up to date.")
            : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
    }
}
