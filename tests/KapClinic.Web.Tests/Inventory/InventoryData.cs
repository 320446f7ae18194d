using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>Builds products and lots through the real service, and reads back what the ledger holds.</summary>
public static class InventoryData
{
    public static async Task<Guid> ProductAsync(KapClinicAppFactory app, decimal reorderLevel = 20m, string name = "Ketamine HCl injection")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InventoryService>().CreateProductAsync(new ProductInput
        {
            Name = name, Ndc = $"{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}", Drug = DrugKind.Ketamine,
            Form = DosageForm.Vial, Strength = "500 mg/10 mL (50 mg/mL)", MgPerUnit = 50m, UnitsPerContainer = 10m, ReorderLevelUnits = reorderLevel,
        }, await TestUsers.CreateAsync(app, ClinicRoles.Admin));
    }

    public static async Task<Guid> LotAsync(KapClinicAppFactory app, Guid productId, decimal quantity, Guid receivedBy, string? lotNumber = null, DateOnly? expiresOn = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InventoryService>().ReceiveLotAsync(productId, new ReceiveLotInput
        {
            LotNumber = lotNumber ?? NewLotNumber(), ExpiresOn = expiresOn ?? new DateOnly(2031, 1, 31), SupplierName = "Cardinal Health",
            SupplierAddress = "7000 Cardinal Pl, Dublin, OH 43017", SupplierDeaNumber = "RC0183462", InvoiceNumber = "INV-1001",
            ReceivedOn = new DateOnly(2025, 11, 1), Quantity = quantity,
        }, receivedBy);
    }

    /// <summary>
    /// A lot received months ago that has since expired (the service refuses to receive an expired lot, so the lot and
    /// its Received entry are inserted as the database allows; the ledger trigger sets the balance).
    /// </summary>
    public static async Task<Guid> ExpiredLotAsync(KapClinicAppFactory app, Guid productId, decimal quantity, Guid receivedBy, DateOnly expiresOn, string? lotNumber = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var lotId = Guid.CreateVersion7();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO inventory_lots (id, product_id, lot_number, expires_on, supplier_name, supplier_address, supplier_dea_number, invoice_number,
                received_on, quantity_received, received_by, created_at, balance, is_closed)
            VALUES ({0}, {1}, {2}, {3}, 'Cardinal Health', '7000 Cardinal Pl, Dublin, OH 43017', 'RC0183462', 'INV-1001', {4}, {5}, {6}, now(), 0, false);
            INSERT INTO inventory_ledger (id, lot_id, product_id, kind, delta, balance_after, recorded_by, recorded_at)
            VALUES (gen_random_uuid(), {0}, {1}, 'Received', {5}, 0, {6}, now());
            """,
            lotId, productId, lotNumber ?? NewLotNumber(), expiresOn, expiresOn.AddDays(-200), quantity, receivedBy);
        return lotId;
    }

    public static string NewLotNumber() => "L" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static async Task<(decimal Balance, int Entries)> StateAsync(KapClinicAppFactory app, Guid lotId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var balance = await db.Lots.AsNoTracking().Where(l => l.Id == lotId).Select(l => l.Balance).SingleAsync();
        return (balance, await db.LedgerEntries.CountAsync(e => e.LotId == lotId));
    }

    public static async Task<List<LedgerEntry>> EntriesAsync(KapClinicAppFactory app, Guid lotId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        return await db.LedgerEntries.AsNoTracking().Where(e => e.LotId == lotId).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync();
    }

    /// <summary>A witnessed movement form's fields.</summary>
    public static List<KeyValuePair<string, string>> Movement(string quantity, Guid witnessId, string password = TestUsers.Password, string reason = "Unused remainder", string? reference = null)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Input.Quantity", quantity), new("Input.Reason", reason), new("Input.WitnessId", witnessId.ToString()), new("Input.WitnessPassword", password),
        ];
        if (reference is not null)
        {
            fields.Add(new("Input.Reference", reference));
        }

        return fields;
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The text of the element with data-testid, or null.</summary>
    public static string? TestId(string html, string testId) => Parse(html).QuerySelector($"[data-testid='{testId}']")?.TextContent.Trim();

    /// <summary>The error message beside a field (the element with that id).</summary>
    public static string ErrorOf(string html, string id) => Parse(html).GetElementById(id)?.TextContent.Trim() ?? string.Empty;

    public static Guid IdAfter(HttpResponseMessage response, string segment)
    {
        var path = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {response.StatusCode}");
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Guid.Parse(parts[Array.IndexOf(parts, segment) + 1]);
    }
}
