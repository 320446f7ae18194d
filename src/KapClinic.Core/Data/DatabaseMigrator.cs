using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Data;

/// <summary>Applies pending migrations inside the execution strategy, so a transient fault at start-up is retried.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(KapClinicDbContext db, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            db,
            static async (context, ct) => await context.Database.MigrateAsync(ct),
            cancellationToken);
    }
}
