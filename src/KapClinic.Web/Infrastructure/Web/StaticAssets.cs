using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// Caching and compression of the app's own static files (wwwroot: the vendored Bootstrap, site.css, the scripts).
/// A URL with the content hash that asp-append-version adds (<c>?v=</c>) never changes meaning: cached for a year,
/// immutable. Any other static URL is revalidated (ETag / Last-Modified, a 304 when unchanged). Only those files
/// are compressed: pages are not, because they carry the antiforgery token and PHI next to text a request can
/// reflect (search terms, form values), which is what BREACH needs to guess secrets through compressed sizes over
/// TLS. Pages stay small and no-store (<see cref="SecurityHeadersMiddleware"/>).
/// </summary>
public static class StaticAssets
{
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";
    public const string UnversionedCacheControl = "no-cache";

    public static readonly string[] CompressedTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    public static IServiceCollection AddStaticAssetCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // public files with no secret in them: nothing for BREACH to find
            o.MimeTypes = CompressedTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static StaticFileOptions Options() => new()
    {
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers.CacheControl = context.Context.Request.Query.ContainsKey("v") ? VersionedCacheControl : UnversionedCacheControl;
        },
    };
}
