using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Cli;
using KapClinic.Web.Infrastructure.Startup;
using Npgsql;

namespace KapClinic.Web.Tests.Data;

/// <summary>
/// The owner/app role split: migrations run as the owner, the app as kapclinic_app, which can write the clinic's
/// tables but never UPDATE or DELETE the audit trail or the controlled-substance ledger.
/// </summary>
public sealed class AppRoleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string AppPassword = "app-role-test-password";

    [Theory]
    [InlineData("UPDATE audit_events SET detail = 'x'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    [InlineData("UPDATE inventory_ledger SET reason = 'x'")]
    [InlineData("DELETE FROM inventory_ledger")]
    public async Task The_app_role_has_no_right_to_change_the_audit_trail_or_the_ledger(string sql)
    {
        await using var connection = new NpgsqlConnection(await AppConnectionStringAsync());
        await connection.OpenAsync();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Contains("permission denied", refusal.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_runs_as_the_app_role_signs_in_writes_audit_rows_and_seals_them()
    {
        await using var app = new KapClinicAppFactory(await AppConnectionStringAsync())
            .WithSetting($"ConnectionStrings:{DatabaseStartup.OwnerConnectionName}", fixture.Factory.ConnectionString);

        var (client, _) = await TestUsers.SignedInAsync(app, ClinicRoles.Admin);
        var users = await client.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        var output = new StringWriter();
        var verified = await VerifyAuditCommand.RunAsync(app.Services, output);

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(0, verified);
        Assert.Contains("Audit chain intact", output.ToString(), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await connection.OpenAsync();
        var whoAmI = await new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = 'kapclinic_app' AND datname = current_database()", connection).ExecuteScalarAsync();
        Assert.True(Convert.ToInt64(whoAmI, System.Globalization.CultureInfo.InvariantCulture) > 0, "the app's pooled connections belong to the app role");
    }

    private async Task<string> AppConnectionStringAsync()
    {
        // The migration made the role without a login (operators choose how it signs in); the test gives it one.
        await using (var owner = new NpgsqlConnection(fixture.Factory.ConnectionString))
        {
            await owner.OpenAsync();
            await new NpgsqlCommand($"ALTER ROLE {AppRoleSql.AppRole} LOGIN PASSWORD '{AppPassword}'", owner).ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(fixture.Factory.ConnectionString) { Username = AppRoleSql.AppRole, Password = AppPassword }.ConnectionString;
    }
}
