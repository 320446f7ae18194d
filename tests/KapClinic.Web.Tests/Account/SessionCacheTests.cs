using System.Net;
using KapClinic.Core.Data.Changes;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Tests.Patients;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Account;

/// <summary>
/// The session check and the clinic settings are served from memory while the change listener listens, and from
/// the database whenever it does not (or did not when the entry was stored).
/// </summary>
public sealed class SessionCacheTests(SqlCountingFixture fixture) : IClassFixture<SqlCountingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    private ChangeListener Listener => App.Services.GetRequiredService<ChangeListener>();

    [Fact]
    public async Task A_signed_in_page_on_a_warm_cache_sends_no_session_or_settings_sql()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await client.GetStringAsync("/"); // the first request reads the session and the settings, and caches them

        var page = await SqlOfAsync(client, "/");
        var live = await SqlOfAsync(client, "/health/live");

        Assert.NotEmpty(page); // the dashboard's own queries still run
        Assert.DoesNotContain(page, c => c.Contains("user_sessions", StringComparison.Ordinal) || c.Contains("clinic_settings", StringComparison.Ordinal));
        Assert.Empty(live);
    }

    [Fact]
    public async Task A_session_revoked_while_the_listener_was_down_is_refused_and_caching_resumes_after_it_reconnects()
    {
        var (client, userId, cookie) = await SessionCookies.SignInAsync(App, ClinicRoles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(App, cookie)).StatusCode); // cached now

        // The revocation's notice is lost (triggers off for this transaction), and the listener's connection dies.
        var generation = Listener.Generation;
        await RevokeWithoutNoticeAsync(userId);
        await TerminateListenerAsync();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Listener.Generation != generation), TimeSpan.FromSeconds(5)));

        // Whether the listener is down or already back, the entry stored before is never served again.
        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, cookie));

        await App.WaitForChangeListenerAsync();
        var (again, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        await again.GetStringAsync("/");
        Assert.DoesNotContain(await SqlOfAsync(again, "/"), c => c.Contains("user_sessions", StringComparison.Ordinal));
        SessionCookies.AssertSentToSignIn(await client.GetAsync("/"));
    }

    [Fact]
    public async Task Sign_out_ends_the_cached_session_at_once_on_the_same_instance()
    {
        var (client, _, cookie) = await SessionCookies.SignInAsync(App, ClinicRoles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(App, cookie)).StatusCode);
        Assert.True(App.Services.GetRequiredService<SessionCache>().Count > 0);

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(client, "/", [], "/Account/Logout")).StatusCode);

        SessionCookies.AssertSentToSignIn(await SessionCookies.ReplayAsync(App, cookie)); // no wait for the notice
    }

    private async Task<IReadOnlyList<string>> SqlOfAsync(HttpClient client, string url)
    {
        fixture.Counter.Reset();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        return fixture.Counter.Commands;
    }

    private async Task RevokeWithoutNoticeAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "SET LOCAL session_replication_role = replica; UPDATE user_sessions SET revoked_at = now(), end_reason = 'test' WHERE user_id = @user",
            connection, transaction);
        command.Parameters.AddWithValue("user", userId);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private async Task TerminateListenerAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()",
            connection);
        command.Parameters.AddWithValue("name", ChangeNotices.ListenerApplicationName);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
