using System.Net;
using KapClinic.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>A client that keeps cookies in a jar the test can read (to move an antiforgery cookie between users) and never follows redirects.</summary>
public sealed class Browser(HttpClient client, CookieContainer cookies)
{
    public HttpClient Client { get; } = client;

    public CookieContainer Cookies { get; } = cookies;

    public static Browser Open(KapClinicAppFactory app)
    {
        var cookies = new CookieContainer();
        return new Browser(TestUsers.Track(app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), app), cookies);
    }

    public string? Cookie(string name) => Cookies.GetCookies(Client.BaseAddress!)[name]?.Value;

    /// <summary>An antiforgery token minted for this browser's user (from a page every signed-in user and anonymous callers can open).</summary>
    public async Task<string> TokenAsync(string pageUrl = "/") =>
        HtmlForms.TokenIn(await Client.GetStringAsync(pageUrl)) ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
}
