using KapClinic.Core.Data;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Infrastructure.Startup;

/// <summary>Form idempotency keys are kept for 24 hours, and pruned once across app instances.</summary>
public sealed class IdempotencyKeyPrunerTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Keys_older_than_a_day_are_deleted_and_younger_ones_kept()
    {
        var user = Guid.NewGuid();
        await AddKeyAsync(user, TimeSpan.FromHours(25));
        await AddKeyAsync(user, TimeSpan.FromHours(23));

        var deleted = await App.Services.GetRequiredService<IdempotencyKeyPruner>().PruneAsync();

        Assert.InRange(deleted, 1, int.MaxValue); // other tests of the class may have left old keys too
        Assert.Equal(1, await KeysOfAsync(user));
    }

    [Fact]
    public async Task A_pass_while_another_instance_prunes_deletes_nothing()
    {
        var user = Guid.NewGuid();
        await AddKeyAsync(user, TimeSpan.FromHours(30));
        await using var other = new NpgsqlConnection(App.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('kapclinic.idempotency_prune'))", other, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        var deleted = await App.Services.GetRequiredService<IdempotencyKeyPruner>().PruneAsync();

        Assert.Equal(0, deleted);
        Assert.Equal(1, await KeysOfAsync(user));
    }

    private async Task AddKeyAsync(Guid user, TimeSpan age)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var createdAt = DateTimeOffset.UtcNow - age;
        await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_keys (user_id, key, path, created_at) VALUES ({user}, {Guid.NewGuid()}, '/Patients/Create', {createdAt})");
    }

    private async Task<int> KeysOfAsync(Guid user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().IdempotencyKeys.CountAsync(k => k.UserId == user);
    }
}
