using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// One policy for every cookie the app sets (sign-in, Identity's other schemes, antiforgery, TempData):
/// HttpOnly, SameSite=Strict, Path=/, no Domain, and outside Development Secure with the <c>__Host-</c> prefix,
/// which the browser accepts only from HTTPS for exactly this host. Development (plain HTTP on 127.0.0.1) and tests
/// over the plain-HTTP transport (Security:AllowInsecureCookies, never honoured in Production) keep plain names.
/// </summary>
public static class ClinicCookies
{
    public const string HostPrefix = "__Host-";
    public const string SessionCookie = "kap.session";
    public const string AntiforgeryCookie = "kap.af";
    public const string TempDataCookie = "kap.tempdata";

    public static bool RequireSecure(WebApplicationBuilder builder) =>
        !builder.Environment.IsDevelopment()
        && (builder.Environment.IsProduction() || !builder.Configuration.GetValue<bool>("Security:AllowInsecureCookies"));

    public static void Configure(WebApplicationBuilder builder)
    {
        var secure = RequireSecure(builder);
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        string Named(string name) => secure && !name.StartsWith(HostPrefix, StringComparison.Ordinal) ? HostPrefix + name : name;

        void Harden(CookieBuilder cookie, string? name)
        {
            cookie.Name = Named(name ?? cookie.Name ?? throw new InvalidOperationException("A cookie needs a name."));
            cookie.HttpOnly = true;
            cookie.SameSite = SameSiteMode.Strict;
            cookie.SecurePolicy = policy;
            cookie.Path = "/";
            cookie.Domain = null;
        }

        // After Identity's own settings, for every cookie scheme (application, two-factor, external).
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(o => Harden(o.Cookie, null));
        builder.Services.PostConfigure<AntiforgeryOptions>(o => Harden(o.Cookie, AntiforgeryCookie));
        builder.Services.PostConfigure<CookieTempDataProviderOptions>(o =>
        {
            Harden(o.Cookie, secure ? TempDataCookie : null);
            o.Cookie.IsEssential = true;
        });
    }
}
