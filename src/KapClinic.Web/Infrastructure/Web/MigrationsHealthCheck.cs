using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>Ready only when the database schema is at this build's latest migration.</summary>
public sealed class MigrationsHealthCheck(KapClinicDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy("Schema is up to date.")
            : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
    }
}
