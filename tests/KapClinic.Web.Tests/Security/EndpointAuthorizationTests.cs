using System.Net;
using System.Text.RegularExpressions;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// Walks every endpoint the app maps, so a new page that forgets authorization fails here without anyone
/// having to remember to add a test for it.
/// </summary>
public sealed partial class EndpointAuthorizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // The only routes open without signing in. Adding one here is a security decision: review it.
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "/Account/Login",

        // The second sign-in step: open without a session, but they act only for the short-lived cookie the
        // password step sets (without it they send the person back to /Account/Login).
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
        "/Error",
        "/StatusCode/{code:int}",
        "/health/live",
        "/health/ready",

        // Calendar apps cannot sign in: the secret URL is the credential (256 random bits, stored hashed,
        // revocable, redacted from the logs). Unknown and revoked tokens get 404.
        "/calendar/{token}.ics",
    };

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Every_endpoint_requires_sign_in_except_the_allow_list()
    {
        var routes = Routes();
        Assert.Contains("/Admin/Users/Index", routes); // the walk sees the app's real pages
        var client = TestUsers.NewClient(App);
        var open = new List<string>();

        foreach (var route in routes.Where(r => !Anonymous.Contains(r)))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, Concrete(route)));
                var toLogin = response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location?.ToString().Contains("/Account/Login", StringComparison.Ordinal) == true;
                if (!toLogin && response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    open.Add($"{method} {route} -> {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(open);
    }

    [Fact]
    public async Task Allow_listed_endpoints_answer_without_sign_in()
    {
        var client = TestUsers.NewClient(App);
        foreach (var route in Anonymous)
        {
            var response = await client.GetAsync(Concrete(route));
            if (route.StartsWith("/Account/LoginWith", StringComparison.Ordinal))
            {
                // The page itself (not a sign-in challenge) sends a visitor who skipped the password step back to it.
                Assert.Equal("/Account/Login?ReturnUrl=%2F", response.Headers.Location?.OriginalString);
                continue;
            }

            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(ClinicRoles.Clinician)]
    [InlineData(ClinicRoles.Staff)]
    public async Task Admin_pages_refuse_other_roles_with_403(string role)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, role, prescriber: role == ClinicRoles.Clinician);
        var adminRoutes = Routes().Where(r => r.StartsWith("/Admin", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(adminRoutes);

        foreach (var route in adminRoutes)
        {
            var get = await client.GetAsync(Concrete(route));
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Contains("You do not have access", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var post = await client.PostAsync(Concrete(route), new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
    }

    [Fact]
    public async Task Admin_pages_open_for_an_admin()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var response = await client.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private List<string> Routes() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // Fills route parameters with plausible values: any guid, a status code.
    private static string Concrete(string route) =>
        Parameter().Replace(route, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "404");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
