using System.Net;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Infrastructure;

/// <summary>
/// Production behind a TLS-terminating proxy on the same host. Real Kestrel, so the peer address is a real
/// loopback address, which is what makes the forwarded headers trusted.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private KapClinicAppFactory app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        app = new KapClinicAppFactory(await server.CreateDatabaseAsync("proxy"))
            .WithEnvironment("Production")
            .WithSetting("Security:AllowInsecureCookies", "false")
            .WithSetting("https_port", "443");
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.StartKestrel() };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_request_the_proxy_marked_https_is_served_not_redirected_with_secure_cookies()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_plain_http_request_is_redirected_to_https()
    {
        var response = await client.GetAsync("/Account/Login");

        Assert.Equal("https", response.Headers.Location?.Scheme);
    }
}
