using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Support;

/// <summary>Clinicians with a chosen name and credentials (as they appear on signatures), signed in.</summary>
public static class ClinicalUsers
{
    public static async Task<(HttpClient Client, Guid Id)> SignedInClinicianAsync(
        KapClinicAppFactory factory, string name, string? credentials, bool prescriber)
    {
        var email = $"clinician-{Guid.NewGuid():N}@clinic.test";
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = email,
                DisplayName = name,
                Credentials = credentials,
                Password = TestUsers.Password,
                IsClinician = true,
                IsPrescriber = prescriber,
            });
        }

        var client = TestUsers.NewClient(factory);
        var response = await TestUsers.PostSignInAsync(client, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, id);
    }
}
