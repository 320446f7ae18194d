using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Cli;
using Npgsql;

namespace KapClinic.Web.Tests.Infrastructure;

/// <summary>The database goes away under a signed-in user: a friendly 503 page, never a stack trace.</summary>
public sealed class DatabaseOutageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_signed_in_user_gets_the_503_page_with_a_correlation_id_when_the_database_is_unreachable()
    {
        var (client, _) = await TestUsers.SignedInAsync(fixture.Factory, ClinicRoles.Clinician);
        var database = new NpgsqlConnectionStringBuilder(fixture.Factory.ConnectionString).Database!;
        await SetConnectionsAllowedAsync(database, false);
        try
        {
            var response = await client.GetAsync("/");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("database cannot be reached", html, StringComparison.Ordinal);
            Assert.Contains(response.Headers.GetValues("X-Correlation-ID").Single(), html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }
        finally
        {
            await SetConnectionsAllowedAsync(database, true);
        }

        // Recovers without a restart, and the session survived the outage.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Create_user_says_the_database_is_unreachable_and_exits_1()
    {
        await using var broken = new KapClinicAppFactory("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1")
            .WithSetting("Startup:MigrateDatabase", "false");
        var error = new StringWriter();

        var exitCode = await CreateUserCommand.RunAsync(
            broken.Services, ["--email", "a@clinic.test", "--role", "Admin"], new StringReader("marble-juniper-cascade-11\n"), new StringWriter(), error);

        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot use the database", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        var server = await PostgresServer.InstanceAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")};" +
            (allowed ? string.Empty : $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';"),
            connection);
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
