using KapClinic.Core.Data.Changes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.TestSupport;

/// <summary>
/// The real app (Program.cs, every middleware and service) on its own real PostgreSQL database. Environment
/// "Testing" unless told otherwise: no demo data; cookies allowed over the plain-HTTP test transport.
/// </summary>
public class KapClinicAppFactory(string connectionString) : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> serviceOverrides = [];
    private readonly Dictionary<string, string> settings = new(StringComparer.Ordinal)
    {
        ["Startup:SeedDemoData"] = "false",
        ["Security:AllowInsecureCookies"] = "true",
        ["DataProtection:AllowUnprotectedKeys"] = "true", // tests that need a certificate set DataProtection:CertificatePath
        ["Logging:File:Path"] = string.Empty,

        // Tests that need the audit chain seal it themselves; a sealer firing mid-test would add SQL commands to
        // the query-count tests.
        ["Startup:AuditSealIntervalSeconds"] = "3600",
    };

    private string environment = "Testing";

    public string ConnectionString { get; } = connectionString;

    /// <summary>Replace services (a FakeTimeProvider, say) before the host starts.</summary>
    public KapClinicAppFactory WithServices(Action<IServiceCollection> configure)
    {
        serviceOverrides.Add(configure);
        return this;
    }

    /// <summary>Run as another environment (e.g. "Production") before the host starts.</summary>
    public KapClinicAppFactory WithEnvironment(string name)
    {
        environment = name;
        return this;
    }

    /// <summary>Override a configuration value before the host starts.</summary>
    public KapClinicAppFactory WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>The loopback address of the real Kestrel server, after <see cref="StartKestrel"/>.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits (up to 10 s) until the host's change listener is listening, so its session and settings caches work
    /// from the first request on and SQL counts do not depend on how fast it connected.
    /// </summary>
    public async Task WaitForChangeListenerAsync()
    {
        var listener = Services.GetRequiredService<ChangeListener>();
        for (var waited = 0; !listener.IsListening; waited += 20)
        {
            if (waited > 10_000)
            {
                throw new TimeoutException("The change listener did not start listening within 10 s.");
            }

            await Task.Delay(20);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:KapClinic", ConnectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in serviceOverrides)
            {
                configure(services);
            }
        });
    }
}
