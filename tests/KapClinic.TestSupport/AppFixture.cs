using Xunit;

namespace KapClinic.TestSupport;

/// <summary>
/// xunit class fixture: the app on a fresh database of its own, shared by the tests of one class.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private KapClinicAppFactory? factory;

    public KapClinicAppFactory Factory => factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public virtual async Task InitializeAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        factory = Configure(new KapClinicAppFactory(await server.CreateDatabaseAsync(GetType().Name)));
        StartHost(factory);
        await factory.WaitForChangeListenerAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>Override to replace services (e.g. the clock) before the host starts.</summary>
    protected virtual KapClinicAppFactory Configure(KapClinicAppFactory app) => app;

    /// <summary>Starts the in-memory test server, so a broken start fails here, clearly. Browser tests use Kestrel instead.</summary>
    protected virtual void StartHost(KapClinicAppFactory app) => _ = app.Services;
}
