using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Infrastructure;

public sealed class CreateUserCommandTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Creates_an_admin_who_can_sign_in_with_the_password_from_standard_input()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@clinic.test";
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CreateUserCommand.RunAsync(
            App.Services, ["--email", email, "--role", "Admin"], new StringReader("marble-juniper-cascade-11\n"), output, error);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Created Admin user {email}", output.ToString(), StringComparison.Ordinal);
        var signIn = await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, "marble-juniper-cascade-11");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == id && r.RoleId == KapClinic.Core.Data.Configurations.IdentityTableConfiguration.RoleIds[ClinicRoles.Admin]));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password1234")]
    [InlineData("Password2026!!")]
    public async Task Rejects_a_weak_password_with_a_clear_message_and_exit_code_2(string password)
    {
        var email = $"weak-{Guid.NewGuid():N}@clinic.test";
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CreateUserCommand.RunAsync(
            App.Services, ["--email", email, "--role", "Admin"], new StringReader(password + "\n"), output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("Password:", error.ToString(), StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Rejects_an_unknown_role_with_usage()
    {
        var error = new StringWriter();

        var exitCode = await CreateUserCommand.RunAsync(
            App.Services, ["--email", "x@clinic.test", "--role", "Superuser"], new StringReader("marble-juniper-cascade-11\n"), new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: create-user", error.ToString(), StringComparison.Ordinal);
    }
}
