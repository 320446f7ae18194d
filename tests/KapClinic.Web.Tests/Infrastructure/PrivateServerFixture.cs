using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Infrastructure;

/// <summary>The app on a PostgreSQL server of its own (migrated at start), so a test can stop, restart or cut it without touching the others.</summary>
public sealed class PrivateServerFixture : IAsyncLifetime
{
    public const string Database = "kapclinic";

    private PostgresCluster? cluster;
    private KapClinicAppFactory? factory;

    public PostgresCluster Cluster => cluster ?? throw new InvalidOperationException("The fixture is not initialised.");

    public KapClinicAppFactory Factory => factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.StartAsync();
        await cluster.ExecuteAsync($"CREATE DATABASE {Database}");
        factory = new KapClinicAppFactory(cluster.ConnectionString(Database));
        _ = factory.Services; // starts the app, which migrates the new database
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
