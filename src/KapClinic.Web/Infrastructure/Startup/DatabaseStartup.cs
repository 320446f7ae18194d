using KapClinic.Core.Data;
using KapClinic.Core.Demo;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Startup;

public static class DatabaseStartup
{
    /// <summary>Migrates (unless turned off) and, in Development only, seeds demo data into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        var options = app.Services.GetRequiredService<IOptions<StartupOptions>>().Value;
        var environment = app.Services.GetRequiredService<IHostEnvironment>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KapClinic.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        if (options.MigrateDatabase)
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>(), cancellationToken);
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
