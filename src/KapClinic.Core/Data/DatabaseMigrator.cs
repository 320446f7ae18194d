using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace KapClinic.Core.Data;

/// <summary>Applies pending migrations inside the execution strategy, so a transient fault at start-up is retried.</summary>
public static class DatabaseMigrator
{
    /// <summary>
    /// Migrates as the database owner (<paramref name="ownerConnectionString"/>) while the app itself runs as the less
    /// privileged app role (see <see cref="AppRoleSql"/>).
    /// </summary>
    public static async Task MigrateAsOwnerAsync(string ownerConnectionString, CancellationToken cancellationToken = default)
    {
        var options = new DbContextOptionsBuilder<KapClinicDbContext>();
        options.UseKapClinicDatabase(ownerConnectionString);
        await using var db = new KapClinicDbContext(options.Options);
        await MigrateAsync(db, cancellationToken);
    }

    public static async Task MigrateAsync(KapClinicDbContext db, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            db,
            static async (context, ct) =>
            {
                // On a new database EF first queries a history table that is not there yet and logs that as
                // an error; creating the table first keeps a clean install's log free of false alarms.
                if (await context.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
                {
                    await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
                }

                await context.Database.MigrateAsync(ct);
            },
            cancellationToken);
    }
}
