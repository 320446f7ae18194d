using System.Net;
using System.Runtime.CompilerServices;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.TestSupport;

/// <summary>
/// Builds users through the real service and signs them in through the real sign-in pages: the password, then the
/// authenticator code (every user made here is enrolled with <see cref="MfaSecret"/>; the code is computed with the app's
/// own TOTP implementation and clock, see <see cref="TestMfa"/>).
/// </summary>
public static class TestUsers
{
    public const string Password = "plum-harbor-velvet-39";

    /// <summary>The authenticator secret of every user made by <see cref="CreateAsync"/> (base32, 20 bytes).</summary>
    public const string MfaSecret = "KAPCLINICTESTSECRETKEYFORMFA2345";

    // Which app a client talks to, so the sign-in helpers can read the app's clock and the user's last used step.
    private static readonly ConditionalWeakTable<HttpClient, KapClinicAppFactory> Apps = new();

    /// <summary>A user of the role with an authenticator enrolled (secret <see cref="MfaSecret"/>), as after their first sign-in.</summary>
    public static async Task<Guid> CreateAsync(
        KapClinicAppFactory factory,
        string role,
        string? email = null,
        bool prescriber = false,
        bool supervisor = false,
        string? name = null)
    {
        var id = await CreateWithoutMfaAsync(factory, role, email, prescriber, supervisor, name);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MfaEnrolment>().EnrolWithKnownSecretAsync(id, MfaSecret);
        return id;
    }

    /// <summary>A user as an Admin creates them: no authenticator yet (Admins and Clinicians enrol at first sign-in).</summary>
    public static async Task<Guid> CreateWithoutMfaAsync(
        KapClinicAppFactory factory,
        string role,
        string? email = null,
        bool prescriber = false,
        bool supervisor = false,
        string? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        return await users.CreateAsync(new NewUserInput
        {
            Email = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test",
            DisplayName = name ?? $"Test {role}",
            Password = Password,
            IsAdmin = role == ClinicRoles.Admin,
            IsClinician = role == ClinicRoles.Clinician,
            IsStaff = role == ClinicRoles.Staff,
            IsPrescriber = prescriber,
            IsSupervisor = supervisor,
        });
    }

    public static async Task<string> EmailOfAsync(KapClinicAppFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserAdministration>().GetAsync(id)).Email;
    }

    /// <summary>A client that does not follow redirects (so tests can see them) and keeps cookies.</summary>
    public static HttpClient NewClient(KapClinicAppFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Apps.AddOrUpdate(client, factory);
        return client;
    }

    /// <summary>Lets a client made another way (own cookie handler, HTTPS base address) sign in with <see cref="PostSignInAsync"/>.</summary>
    public static HttpClient Track(HttpClient client, KapClinicAppFactory factory)
    {
        Apps.AddOrUpdate(client, factory);
        return client;
    }

    /// <summary>Only the password step: the response is the redirect to the code page (or to the enrolment hold, or the form again).</summary>
    public static async Task<HttpResponseMessage> PostPasswordAsync(HttpClient client, string email, string password) =>
        await HtmlForms.PostAsync(client, "/Account/Login", [new("Input.Email", email), new("Input.Password", password)]);

    /// <summary>
    /// Signs in as a person does: the password, then the current authenticator code; a user who must set up an app and has
    /// none sets one up on the real enrolment page. Returns the response that completes the sign-in (a redirect to the
    /// return URL), or the refused form. The client must come from <see cref="NewClient"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var response = await PostPasswordAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return response;
        }

        var app = AppOf(client);
        var location = response.Headers.Location?.OriginalString ?? "/";
        if (location.StartsWith(TestMfa.CodePagePath, StringComparison.OrdinalIgnoreCase))
        {
            return await HtmlForms.PostAsync(client, location, [new("Input.Code", await TestMfa.NextCodeAsync(app, email))]);
        }

        if (await TestMfa.MustEnrolAsync(app, email))
        {
            await TestMfa.EnrolAsync(app, client, email);
        }

        return response;
    }

    /// <summary>A new user of the role, signed in (password and authenticator code); the client carries their cookie.</summary>
    public static async Task<(HttpClient Client, Guid UserId)> SignedInAsync(
        KapClinicAppFactory factory, string role, bool prescriber = false, bool supervisor = false)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        var id = await CreateAsync(factory, role, email, prescriber, supervisor);
        var client = NewClient(factory);
        var response = await PostSignInAsync(client, email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {role} failed: {response.StatusCode}");
        }

        return (client, id);
    }

    private static KapClinicAppFactory AppOf(HttpClient client) =>
        Apps.TryGetValue(client, out var app)
            ? app
            : throw new InvalidOperationException("Make the client with TestUsers.NewClient(factory), so sign-in can compute the authenticator code.");
}
