using KapClinic.Core.Auditing;
using KapClinic.Core.Reports;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Auditing;

/// <summary>Every audit row is sealed into a SHA-256 chain; a row changed or removed behind the app's back is reported.</summary>
public sealed class AuditChainTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task New_audit_rows_are_sealed_in_order_and_the_chain_verifies()
    {
        await RecordAsync("Test.ChainA", 3);

        var status = await WithChainAsync(async chain =>
        {
            await chain.SealAsync();
            return await chain.VerifyAsync();
        });

        Assert.True(status.IsIntact, string.Join("; ", status.Breaks));
        Assert.Equal(0, status.UnsealedRows);
        Assert.True(status.SealedRows >= 3);
        Assert.Equal(64, status.HeadHash?.Length);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM audit_events a JOIN audit_events b ON b.chain_seq = a.chain_seq + 1 WHERE b.prev_hash IS DISTINCT FROM a.row_hash AND b.chain_seq = (SELECT min(chain_seq) FROM audit_events WHERE chain_seq > a.chain_seq)"));
    }

    [Fact]
    public async Task A_row_changed_directly_in_the_database_is_reported_by_verify_audit()
    {
        var id = (await RecordAsync("Test.Tampered", 1))[0];
        await WithChainAsync(chain => chain.SealAsync());

        // What an intruder with the owner's rights could do: switch the guard triggers off and edit the row.
        await BackUpAsync(id);
        await ExecuteAsync($"SET session_replication_role = replica; UPDATE audit_events SET detail = 'nothing to see' WHERE id = '{id}'; SET session_replication_role = origin;");

        var output = new StringWriter();
        var exitCode = await VerifyAuditCommand.RunAsync(App.Services, output);

        Assert.Equal(1, exitCode);
        Assert.Contains($"audit event {id}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("hash does not match the row", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Audit chain BROKEN", output.ToString(), StringComparison.Ordinal);

        await RestoreAsync(id);
    }

    [Fact]
    public async Task The_admin_audit_log_report_says_whether_the_chain_is_intact_and_where_it_breaks()
    {
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);
        var id = (await RecordAsync("Test.ReportCheck", 1))[0];
        await WithChainAsync(chain => chain.SealAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var filter = new ReportFilter { From = today.AddDays(-1), To = today.AddDays(1) };

        var intact = await PreviewChainTotalAsync(filter, admin);
        await BackUpAsync(id);
        await ExecuteAsync($"SET session_replication_role = replica; UPDATE audit_events SET action = 'Test.Rewritten' WHERE id = '{id}'; SET session_replication_role = origin;");
        var broken = await PreviewChainTotalAsync(filter, admin);
        await RestoreAsync(id);

        Assert.StartsWith("intact (", intact, StringComparison.Ordinal);
        Assert.StartsWith("BROKEN: 1 link(s) fail", broken, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), broken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_deleted_from_the_middle_breaks_the_link_of_the_row_after_it()
    {
        var ids = await RecordAsync("Test.Deleted", 3);
        await WithChainAsync(chain => chain.SealAsync());
        var before = await WithChainAsync(chain => chain.VerifyAsync());

        await BackUpAsync(ids[1]);
        await ExecuteAsync($"SET session_replication_role = replica; DELETE FROM audit_events WHERE id = '{ids[1]}'; SET session_replication_role = origin;");
        var after = await WithChainAsync(chain => chain.VerifyAsync());
        await RestoreAsync(ids[1]);

        Assert.Equal(before.Breaks.Count + 1, after.Breaks.Count);
        Assert.Contains(after.Breaks, b => b.Id == ids[2] && b.Problem.Contains("link to the previous row", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_cannot_change_a_sealed_row_nor_forge_a_seal_on_an_unsealed_one()
    {
        var sealedId = (await RecordAsync("Test.Sealed", 1))[0];
        await WithChainAsync(chain => chain.SealAsync());
        var unsealedId = (await RecordAsync("Test.Unsealed", 1))[0];

        var changeSealed = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"UPDATE audit_events SET row_hash = NULL WHERE id = '{sealedId}'"));
        var forgeSeal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"UPDATE audit_events SET chain_seq = 999999, row_hash = '\\x00' WHERE id = '{unsealedId}'"));
        var editUnsealed = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"UPDATE audit_events SET detail = 'x' WHERE id = '{unsealedId}'"));

        Assert.All([changeSealed, forgeSeal, editUnsealed], e => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState));
    }

    [Fact]
    public async Task Two_sealers_at_once_seal_each_row_once_and_the_chain_stays_intact()
    {
        await RecordAsync("Test.Concurrent", 50);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WithChainAsync(chain => chain.SealAsync())));
        await WithChainAsync(chain => chain.SealAsync());
        var status = await WithChainAsync(chain => chain.VerifyAsync());

        Assert.True(status.IsIntact, string.Join("; ", status.Breaks));
        Assert.Equal(0, status.UnsealedRows);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) - count(DISTINCT chain_seq) FROM audit_events WHERE chain_seq IS NOT NULL"));
        Assert.Equal(50, await ScalarAsync("SELECT count(DISTINCT chain_seq) FROM audit_events WHERE action = 'Test.Concurrent'"));
    }

    private async Task<List<Guid>> RecordAsync(string action, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(action, AuditOutcome.Success, detail: $"n={i} Zoë");
            ids.Add(await ScalarGuidAsync($"SELECT id FROM audit_events WHERE action = '{action}' ORDER BY occurred_at DESC, id DESC LIMIT 1"));
        }

        return ids;
    }

    // The tests of this class share a database: a test that breaks the chain puts the row back exactly as it was.
    private Task BackUpAsync(Guid id) =>
        ExecuteAsync($"CREATE TABLE backup_{id:N} AS SELECT * FROM audit_events WHERE id = '{id}'");

    private Task RestoreAsync(Guid id) => ExecuteAsync(
        $"SET session_replication_role = replica; DELETE FROM audit_events WHERE id = '{id}'; INSERT INTO audit_events SELECT * FROM backup_{id:N}; DROP TABLE backup_{id:N}; SET session_replication_role = origin;");

    private async Task<string> PreviewChainTotalAsync(ReportFilter filter, Guid admin)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var preview = await scope.ServiceProvider.GetRequiredService<ReportService>().PreviewAsync(ReportKeys.AuditLog, filter, admin);
        return preview.Totals.Single(t => t.Label == "Hash chain").Value;
    }

    private async Task<T> WithChainAsync<T>(Func<AuditChain, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<AuditChain>());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Guid> ScalarGuidAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
