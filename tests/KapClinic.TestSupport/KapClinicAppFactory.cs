using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.TestSupport;

/// <summary>
/// The real app (Program.cs, every middleware and service) on its own real PostgreSQL database. Environment
/// "Testing": no demo data; cookies allowed over the plain-HTTP test transport.
/// </summary>
public class KapClinicAppFactory(string connectionString) : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> serviceOverrides = [];

    public string ConnectionString { get; } = connectionString;

    /// <summary>Replace services (a FakeTimeProvider, say) before the host starts.</summary>
    public KapClinicAppFactory WithServices(Action<IServiceCollection> configure)
    {
        serviceOverrides.Add(configure);
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:KapClinic", ConnectionString);
        builder.UseSetting("Startup:SeedDemoData", "false");
        builder.UseSetting("Security:AllowInsecureCookies", "true");
        builder.UseSetting("Logging:File:Path", string.Empty);
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in serviceOverrides)
            {
                configure(services);
            }
        });
    }
}
