using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Web;

namespace KapClinic.Web.Tests.Infrastructure;

public sealed class StaticAssetTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year_and_compressed_but_pages_are_neither()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var page = await GetAsync(client, "/");
        var html = await page.Content.ReadAsStringAsync();
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/lib/bootstrap/dist/css/bootstrap.min.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(css); // the layout versions the vendored files too

        var versioned = await GetAsync(client, css);
        var unversioned = await GetAsync(client, "/css/site.css");

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(StaticAssets.VersionedCacheControl, versioned.Headers.CacheControl?.ToString());
        Assert.Contains("br", versioned.Content.Headers.ContentEncoding);
        Assert.Equal(StaticAssets.UnversionedCacheControl, unversioned.Headers.CacheControl?.ToString());
        Assert.NotNull(unversioned.Headers.ETag);
        Assert.Empty(page.Content.Headers.ContentEncoding); // BREACH: pages hold the antiforgery token and PHI
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        return await client.SendAsync(request);
    }
}
