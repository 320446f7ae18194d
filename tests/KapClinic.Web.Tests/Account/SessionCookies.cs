using System.Net;
using KapClinic.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KapClinic.Web.Tests.Account;

/// <summary>Signs in and keeps the raw session cookie, so tests can replay it from a client that has nothing else.</summary>
public static class SessionCookies
{
    public const string Name = "kap.session";

    /// <summary>A new user of the role, signed in; returns the client and the session cookie's value.</summary>
    public static async Task<(HttpClient Client, Guid UserId, string Cookie)> SignInAsync(KapClinicAppFactory app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        var id = await TestUsers.CreateAsync(app, role, email);
        var client = TestUsers.NewClient(app);
        var response = await TestUsers.PostSignInAsync(client, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, id, ValueIn(response) ?? throw new InvalidOperationException("Sign-in set no session cookie."));
    }

    /// <summary>The session cookie a response set, if any.</summary>
    public static string? ValueIn(HttpResponseMessage response, string name = Name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(name + "=", StringComparison.Ordinal))
                .Select(v => v[(name.Length + 1)..]).LastOrDefault(v => v.Length > 0)
            : null;

    /// <summary>GETs the path from a fresh client that sends only this session cookie (a saved copy, replayed).</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(KapClinicAppFactory app, string cookie, string path = "/")
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{Name}={cookie}");
        return await client.SendAsync(request);
    }

    public static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
