using KapClinic.Core.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.TestSupport;

/// <summary>Builds users through the real service and signs them in through the real sign-in page.</summary>
public static class TestUsers
{
    public const string Password = "plum-harbor-velvet-39";

    public static async Task<Guid> CreateAsync(
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
    public static HttpClient NewClient(KapClinicAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password) =>
        await HtmlForms.PostAsync(client, "/Account/Login", [new("Input.Email", email), new("Input.Password", password)]);

    /// <summary>A new user of the role, signed in; the client carries their cookie.</summary>
    public static async Task<(HttpClient Client, Guid UserId)> SignedInAsync(
        KapClinicAppFactory factory, string role, bool prescriber = false, bool supervisor = false)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        var id = await CreateAsync(factory, role, email, prescriber, supervisor);
        var client = NewClient(factory);
        var response = await PostSignInAsync(client, email, Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {role} failed: {response.StatusCode}");
        }

        return (client, id);
    }
}
