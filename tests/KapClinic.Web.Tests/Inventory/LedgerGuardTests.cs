using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Inventory.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>The database's guards hold against raw SQL: no truncate, no balance writes by setting a flag, witnesses checked, no dose from an expired or closed lot.</summary>
public sealed class LedgerGuardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string RawAdministered = """
        INSERT INTO inventory_ledger (id, lot_id, product_id, kind, delta, balance_after, recorded_by, recorded_at, patient_id, dosing_session_id, administration_id)
        SELECT gen_random_uuid(), id, product_id, 'Administered', -1, 0, {1}, {2}, {3}, {4}, {5} FROM inventory_lots WHERE id = {0}
        """;

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Truncating_the_ledger_is_refused_by_the_database()
    {
        var (lotId, _, _) = await LotAsync(5m);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE inventory_ledger CASCADE"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.LotId == lotId));
    }

    [Fact]
    public async Task Setting_the_old_ledger_write_flag_does_not_let_a_session_write_a_lot_balance()
    {
        var (lotId, _, _) = await LotAsync(5m);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET kapclinic.ledger_write = 'on'");
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE inventory_lots SET balance = 100 WHERE id = {0}", lotId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(5m, (await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId)).Balance);
    }

    [Theory]
    [InlineData("NULL")]
    [InlineData("{1}")]
    public async Task A_raw_waste_without_a_second_person_as_witness_is_refused_by_the_check_constraint(string witness)
    {
        var (lotId, recorder, _) = await LotAsync(5m);
        var sql = $$"""
            INSERT INTO inventory_ledger (id, lot_id, product_id, kind, delta, balance_after, recorded_by, recorded_at, witness_id, reason)
            SELECT gen_random_uuid(), id, product_id, 'Wasted', -1, 0, {1}, now(), {{witness}}, 'Dropped' FROM inventory_lots WHERE id = {0}
            """;

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql, lotId, recorder));

        Assert.Equal((PostgresErrorCodes.CheckViolation, "ck_inventory_ledger_witness"), (refusal.SqlState, refusal.ConstraintName));
        Assert.Equal((5m, 1), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task The_trigger_refuses_a_raw_administration_from_a_lot_after_its_expiry_but_takes_one_before()
    {
        var (lotId, recorder, _) = await LotAsync(5m);
        var patientId = await TestPatients.CreateAsync(App);
        var data = new InventoryTestData(App);
        var now = DateTimeOffset.UtcNow;
        var first = await data.DoseWithoutLedgerAsync(lotId, 1m, patientId, recorder, now);
        var secondPatient = await TestPatients.CreateAsync(App);
        var second = await data.DoseWithoutLedgerAsync(lotId, 1m, secondPatient, recorder, now);
        var afterExpiry = new DateTimeOffset(2031, 2, 3, 17, 0, 0, TimeSpan.Zero);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        await db.Database.ExecuteSqlRawAsync(RawAdministered, lotId, recorder, now, patientId, first.SessionId, first.AdministrationId);
        var refusal = await Assert.ThrowsAsync<PostgresException>(
            () => db.Database.ExecuteSqlRawAsync(RawAdministered, lotId, recorder, afterExpiry, secondPatient, second.SessionId, second.AdministrationId));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refusal.SqlState);
        Assert.Contains("expired", refusal.MessageText, StringComparison.Ordinal);
        Assert.Equal((4m, 2), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task The_trigger_refuses_a_raw_administration_from_a_closed_lot()
    {
        var (lotId, recorder, _) = await LotAsync(1m);
        var patientId = await TestPatients.CreateAsync(App);
        var data = new InventoryTestData(App);
        var now = DateTimeOffset.UtcNow;
        await data.AdministerAsync(lotId, 1m, patientId, recorder, now);
        var lot = await data.WithAsync<InventoryQueries, LotWithBalance>(q => q.LotWithBalanceAsync(lotId));
        await data.WithAsync<InventoryService>(s => s.CloseLotAsync(lotId, lot.Version, recorder));
        var secondPatient = await TestPatients.CreateAsync(App);
        var dose = await data.DoseWithoutLedgerAsync(lotId, 1m, secondPatient, recorder, now);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var refusal = await Assert.ThrowsAsync<PostgresException>(
            () => db.Database.ExecuteSqlRawAsync(RawAdministered, lotId, recorder, now, secondPatient, dose.SessionId, dose.AdministrationId));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refusal.SqlState);
        Assert.Contains("closed", refusal.MessageText, StringComparison.Ordinal);
        Assert.Equal((0m, 2), await InventoryData.StateAsync(App, lotId));
    }

    private async Task<(Guid LotId, Guid Recorder, Guid Witness)> LotAsync(decimal quantity)
    {
        var recorder = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var productId = await InventoryData.ProductAsync(App);
        var lotId = await InventoryData.LotAsync(App, productId, quantity, recorder, expiresOn: new DateOnly(2031, 1, 31));
        return (lotId, recorder, witness);
    }
}
