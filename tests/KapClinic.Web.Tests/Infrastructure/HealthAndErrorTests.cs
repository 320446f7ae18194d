using System.Net;
using KapClinic.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KapClinic.Web.Tests.Infrastructure;

public sealed class HealthAndErrorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_sign_in(string path)
    {
        var response = await TestUsers.NewClient(App).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_page_shows_the_404_page_to_a_signed_in_user()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, KapClinic.Core.Users.ClinicRoles.Staff);

        var response = await client.GetAsync("/No/Such/Page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_record_shows_the_not_found_page()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, KapClinic.Core.Users.ClinicRoles.Admin);

        var response = await client.GetAsync($"/Admin/Users/Edit/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_a_correlation_id()
    {
        var response = await TestUsers.NewClient(App).GetAsync("/Account/Login");

        Assert.True(response.Headers.Contains("X-Correlation-ID"));
        Assert.Contains("default-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_outage_shows_a_friendly_503_page_with_a_correlation_id_and_no_internals()
    {
        // A port where nothing listens: every query fails as in an outage.
        await using var broken = new KapClinicAppFactory("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2;Command Timeout=2")
            .WithServices(_ => { });
        using var client = broken.WithWebHostBuilder(b => b.UseSetting("Startup:MigrateDatabase", "false"))
            .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // The Data Protection keys (antiforgery, sessions) live in the database too, so the sign-in form itself
        // cannot be rendered: it gets the friendly page as well.
        var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var correlationId = response.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Contains("database cannot be reached", html, StringComparison.Ordinal);
        Assert.Contains(correlationId, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }
}
