using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KapClinic.Web.Tests.Infrastructure.Jobs;

/// <summary>
/// Two app instances on one database, each with the same periodic job every 500 ms: the work runs on one instance at
/// a time, once per tick, and the other takes over when the first stops.
/// </summary>
public sealed class SingleInstanceJobTests : IAsyncLifetime
{
    private string connectionString = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        connectionString = await server.CreateDatabaseAsync(nameof(SingleInstanceJobTests));
        await ExecuteAsync($"CREATE TABLE {CountingJob.Table} (instance text NOT NULL, ran_at timestamptz NOT NULL); GRANT ALL ON {CountingJob.Table} TO PUBLIC");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_instances_run_the_job_once_per_tick_and_the_second_takes_over_when_the_first_stops()
    {
        await using var one = Instance();
        await using var two = Instance();

        var before = (await RunsAsync()).Count; // both instances are up from here
        await Task.Delay(CountingJob.Every * 7);
        var runs = await RunsAsync();
        var leader = Assert.Single(runs.Select(r => r.Instance).Distinct());
        Assert.InRange(runs.Count - before, 4, 8); // 7 ticks, give or take a late timer on a busy machine

        var (stopping, staying) = leader == Job(one).Instance ? (one, two) : (two, one);
        await stopping.DisposeAsync();
        var stoppedAt = (await RunsAsync()).Count;
        await Task.Delay(CountingJob.Every * 5);

        runs = await RunsAsync();
        var after = runs.Skip(stoppedAt).ToList();
        Assert.InRange(after.Count, 2, 6); // 5 ticks, less the wait for the lock to be freed
        Assert.All(after, r => Assert.Equal(Job(staying).Instance, r.Instance));
        Assert.True(Job(staying).IsLeader);
    }

    [Fact]
    public async Task A_tick_skips_the_work_while_another_instance_holds_the_lock()
    {
        await using var one = Instance(hosted: false);
        await using var two = Instance(hosted: false);

        Assert.True(await Job(one).TickAsync(CancellationToken.None));
        Assert.False(await Job(two).TickAsync(CancellationToken.None));
        Assert.True(await Job(one).TickAsync(CancellationToken.None));

        var runs = await RunsAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(Job(one).Instance, r.Instance));
    }

    [Fact]
    public async Task The_audit_chain_sealer_seals_new_audit_rows_at_its_ticks()
    {
        await using var app = new KapClinicAppFactory(connectionString).WithSetting("Startup:AuditSealIntervalSeconds", "1");
        await TestUsers.CreateAsync(app, KapClinic.Core.Users.ClinicRoles.Staff, $"seal-{Guid.NewGuid():N}@clinic.test");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        long unsealed;
        do
        {
            await Task.Delay(250);
            unsealed = await ScalarAsync("SELECT count(*) FROM audit_events WHERE row_hash IS NULL");
        }
        while (unsealed > 0 && DateTime.UtcNow < deadline);

        Assert.Equal(0, unsealed);
        Assert.True(await ScalarAsync("SELECT count(*) FROM audit_events WHERE row_hash IS NOT NULL") > 0);
    }

    /// <summary>An app host with the counting job, on its timer (hosted) or ticked by the test.</summary>
    private KapClinicAppFactory Instance(bool hosted = true)
    {
        var app = new KapClinicAppFactory(connectionString).WithServices(s =>
        {
            s.AddSingleton<CountingJob>();
            if (hosted)
            {
                s.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CountingJob>());
            }
        });
        _ = app.Services;
        return app;
    }

    private static CountingJob Job(KapClinicAppFactory app) => app.Services.GetRequiredService<CountingJob>();

    private async Task<List<(string Instance, DateTime RanAt)>> RunsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT instance, ran_at FROM {CountingJob.Table} ORDER BY ran_at", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(string, DateTime)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetString(0), reader.GetDateTime(1)));
        }

        return runs;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
