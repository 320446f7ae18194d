using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>Products, lots, movements and administrations for the records' tests, through the real services.</summary>
public sealed class InventoryTestData(KapClinicAppFactory app)
{
    public async Task<Guid> ProductAsync(string name = "Ketamine HCl injection")
    {
        var admin = await TestUsers.CreateAsync(app, ClinicRoles.Admin);
        var ndc = $"{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}";
        return await WithAsync<InventoryService, Guid>(s => s.CreateProductAsync(new ProductInput
        {
            Name = name, Ndc = ndc, Drug = DrugKind.Ketamine, Form = DosageForm.Vial, Strength = "500 mg/10 mL (50 mg/mL)",
            MgPerUnit = 50m, UnitsPerContainer = 10m, ReorderLevelUnits = 20m,
        }, admin));
    }

    public Task<Guid> ReceiveAsync(Guid productId, decimal quantity, DateOnly receivedOn, Guid recorder, string? lotNumber = null) =>
        WithAsync<InventoryService, Guid>(s => s.ReceiveLotAsync(productId, new ReceiveLotInput
        {
            LotNumber = lotNumber ?? $"KET-{Guid.NewGuid():N}"[..16], ExpiresOn = new DateOnly(2030, 1, 31), SupplierName = "Cardinal Health",
            SupplierAddress = "7000 Cardinal Pl, Dublin, OH 43017", SupplierDeaNumber = "RC0183462", InvoiceNumber = "INV-1001",
            ReceivedOn = receivedOn, Quantity = quantity,
        }, recorder));

    public static MovementInput Movement(decimal quantity, Guid witness, string? reason = "Unused part of the vial", string? reference = null) =>
        new() { Quantity = quantity, Reason = reason, Reference = reference, WitnessId = witness, WitnessPassword = TestUsers.Password };

    /// <summary>
    /// An administration as the dosing page records it: a draft dosing session with one dose and its ledger entry, in one save.
    /// The dose is given by <paramref name="givenById"/> (default: the recorder) at <paramref name="givenAt"/> (default: now).
    /// </summary>
    public async Task<Guid> AdministerAsync(Guid lotId, decimal units, Guid patientId, Guid clinicianId, DateTimeOffset now, Guid? givenById = null, DateTimeOffset? givenAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var (lot, session, administration) = await DoseAsync(db, lotId, units, patientId, clinicianId, now, givenById, givenAt);
        var entry = LedgerEntry.Administered(lot, units, patientId, session.Id, administration.Id, clinicianId, now, DateOnly.FromDateTime(now.UtcDateTime));
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    /// <summary>A dose from the lot recorded in a dosing session without its ledger entry (for raw inserts): the session's and the administration's ids.</summary>
    public async Task<(Guid SessionId, Guid AdministrationId)> DoseWithoutLedgerAsync(Guid lotId, decimal units, Guid patientId, Guid clinicianId, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var (_, session, administration) = await DoseAsync(db, lotId, units, patientId, clinicianId, now);
        await db.SaveChangesAsync();
        return (session.Id, administration.Id);
    }

    private static async Task<(Lot Lot, DosingSession Session, DoseAdministration Administration)> DoseAsync(
        KapClinicDbContext db, Guid lotId, decimal units, Guid patientId, Guid clinicianId, DateTimeOffset now, Guid? givenById = null, DateTimeOffset? givenAt = null)
    {
        var protocol = await db.Protocols.SingleAsync(p => p.Id == DefaultProtocols.ImKapId);
        var lot = await db.Lots.AsNoTracking().SingleAsync(l => l.Id == lotId);
        var course = new TreatmentCourse(patientId, protocol.Id, DateOnly.FromDateTime(now.UtcDateTime), clinicianId, now);
        db.TreatmentCourses.Add(course);
        var session = new DosingSession(patientId, course.Id, clinicianId, clinicianId, protocol, null, givenAt ?? now, now);
        var dose = new DoseDetails(DrugKind.Ketamine, AdministrationRoute.Intramuscular, units * 50m, 50m, units, givenAt ?? now, null, null, null, lot.LotNumber, givenById ?? clinicianId, clinicianId)
        {
            LotId = lot.Id,
        };
        // No checklist here: every gate is overridden, each with its own reason.
        var reasons = Enum.GetValues<DosingGate>().ToDictionary(g => g, string? (g) => $"Test set-up: {g} reviewed.");
        var administration = session.Administer(dose, Readiness.From([]), DosingThresholds.Defaults, new GateOverrideRequest(clinicianId, "Test prescriber", reasons), now);
        db.DosingSessions.Add(session);
        return (lot, session, administration);
    }

    public async Task<TResult> WithAsync<T, TResult>(Func<T, Task<TResult>> action)
        where T : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task WithAsync<T>(Func<T, Task> action)
        where T : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<T>());
    }
}
