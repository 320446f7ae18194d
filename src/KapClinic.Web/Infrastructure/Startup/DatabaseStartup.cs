using KapClinic.Core.Data;
using KapClinic.Core.Demo;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Startup;

public static class DatabaseStartup
{
    public const string OwnerConnectionName = "KapClinicOwner";

    /// <summary>Migrates (unless turned off) and, in Development only, seeds demo data into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        var options = app.Services.GetRequiredService<IOptions<StartupOptions>>().Value;
        var environment = app.Services.GetRequiredService<IHostEnvironment>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KapClinic.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        if (options.MigrateDatabase)
        {
            // With the role split, ConnectionStrings:KapClinicOwner migrates and ConnectionStrings:KapClinic (the app
            // role, without UPDATE or DELETE on the audit trail and the ledger) serves the app.
            var owner = app.Services.GetRequiredService<IConfiguration>().GetConnectionString(OwnerConnectionName);
            if (string.IsNullOrWhiteSpace(owner))
            {
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>(), cancellationToken);
            }
            else
            {
                await DatabaseMigrator.MigrateAsOwnerAsync(owner, cancellationToken);
            }

            logger.LogInformation("Database schema is up to date");
        }

        if (environment.IsDevelopment() && options.SeedDemoData
            && await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken))
        {
            logger.LogWarning(
                "Demo data seeded. Demo users: {Users}, password {Password}",
                string.Join(", ", DemoSeeder.Users.Select(u => $"{u.Email} ({u.Role})")),
                DemoSeeder.Password);
        }
    }
}
