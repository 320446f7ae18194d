using System.Diagnostics;
using System.Net;
using KapClinic.Core.Users;
using KapClinic.LoadSupport;
using KapClinic.TestSupport;
using Npgsql;

namespace KapClinic.Web.Tests.Infrastructure;

/// <summary>
/// The real app as a child process (the Debug build), stopped with SIGTERM while a POST is in flight: the POST is held
/// by a table lock the test takes, so it is surely running when the signal comes. New requests are refused at once,
/// the held one completes and its row is saved, and the process exits 0 within the 30 s shutdown bound.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_lets_an_in_flight_save_finish_refuses_new_requests_and_exits_0()
    {
        var server = await PostgresServer.InstanceAsync();
        var connectionString = await server.CreateDatabaseAsync(nameof(GracefulShutdownTests));
        var email = $"shutdown-{Guid.NewGuid():N}@clinic.test";
        await using (var seed = new KapClinicAppFactory(connectionString))
        {
            await TestUsers.CreateAsync(seed, ClinicRoles.Clinician, email);
        }

        var dll = Path.Combine(AppProcess.RepositoryRoot(), "src", "KapClinic.Web", "bin", "Debug", "net10.0", "KapClinic.Web.dll");
        await using var app = AppProcess.Start(new AppProcessOptions { ConnectionString = connectionString, AppDll = dll });
        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var client = new ClinicClient(app.BaseAddress);
        await client.SignInAsync(email, TestUsers.Password, TestUsers.MfaSecret);
        var form = await client.GetFormAsync("/Patients/Create");

        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "LOCK TABLE patients IN SHARE ROW EXCLUSIVE MODE"); // reads go on; inserts wait
        var save = client.PostFormAsync("/Patients/Create", form, Patients.TestPatients.Fields(Patients.TestPatients.Input("Graceful", "Shutdownsave")));
        await WaitForLockWaiterAsync(connectionString);

        var stopping = Stopwatch.StartNew();
        app.SendSigterm();
        Assert.True(await RefusedAsync(app.BaseAddress), "A new request was still served after SIGTERM.");
        Assert.False(save.IsCompleted, "The held save completed before the lock was released.");
        Assert.False(app.HasExited, "The app exited with a request in flight.");

        await hold.CommitAsync(); // releases the lock: the held save goes on
        using var saved = await save;
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await app.WaitForExitAsync(ShutdownBound), "The app did not exit within the shutdown bound.\n" + app.LogTail());
        Assert.Equal(0, app.ExitCode);
        Assert.True(stopping.Elapsed < ShutdownBound, $"Shutdown took {stopping.Elapsed}.");
        Assert.Equal(1L, await ScalarAsync(blocker, "SELECT count(*) FROM patients WHERE legal_last_name = 'Shutdownsave'"));
    }

    /// <summary>Whether a new connection is refused (or answered 503) within a few seconds of the signal.</summary>
    private static async Task<bool> RefusedAsync(Uri baseAddress)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await fresh.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                return true; // connection refused: the server stopped listening
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static async Task WaitForLockWaiterAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ScalarAsync(connection, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The save never reached the locked table.");
            await Task.Delay(50);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
