namespace KapClinic.Web.Tests.Security;

/// <summary>The headers every response must carry, whatever its status.</summary>
public static class SecurityHeaderAssertions
{
    public static void AssertAll(HttpResponseMessage response, bool hsts)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        if (hsts)
        {
            var sts = response.Headers.GetValues("Strict-Transport-Security").Single();
            Assert.Contains("max-age=31536000", sts, StringComparison.Ordinal);
            Assert.Contains("includeSubDomains", sts, StringComparison.OrdinalIgnoreCase);
        }
    }
}
