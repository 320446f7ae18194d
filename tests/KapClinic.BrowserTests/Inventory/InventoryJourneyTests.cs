using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Inventory;

/// <summary>A prescriber reads the dashboard, records witnessed waste on a lot and makes a blind count that opens a discrepancy.</summary>
public sealed class InventoryJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_prescriber_records_witnessed_waste_and_a_blind_count_that_opens_a_discrepancy()
    {
        var app = fixture.Factory;
        var email = $"rivera-{Guid.NewGuid():N}@clinic.test";
        var prescriber = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, email, prescriber: true, name: "Dr. Ana Rivera");
        await TestUsers.CreateAsync(app, ClinicRoles.Clinician, name: "Sam Okafor");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Inventory", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("inventory-empty")).ToContainTextAsync("No stock recorded yet");
        await BrowserFixture.ScreenshotAsync(page, "inventory-00-empty");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var vial = await ProductAsync(app, "Ketamine HCl injection", DosageForm.Vial, "500 mg/10 mL (50 mg/mL)", 50m, 10m, 40m);
        var lozenge = await ProductAsync(app, "Ketamine HCl troche", DosageForm.Lozenge, "100 mg per troche", 100m, 1m, 10m);
        var lotId = await LotAsync(app, vial, "KT24-0871", today.AddMonths(14), 50m, prescriber);
        await LotAsync(app, vial, "KT24-0512", today.AddDays(38), 12.5m, prescriber);
        await ExpiredLotAsync(app, lozenge, "TR-2291", today.AddDays(-6), 4m, prescriber);
        await page.GotoAsync("/Inventory/Lots/Receive");
        await page.GetByLabel("Product").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await Assertions.Expect(page.Locator("#Input_Quantity-unit")).ToHaveTextAsync("lozenge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the receipt" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lot-error")).ToHaveTextAsync("Enter the lot number.");
        await BrowserFixture.ScreenshotAsync(page, "inventory-05-receive-refused");
        await page.GotoAsync("/Inventory");
        await Assertions.Expect(page.GetByTestId("expiring")).ToContainTextAsync("KT24-0512");
        await Assertions.Expect(page.GetByTestId("expired")).ToContainTextAsync("TR-2291");
        await Assertions.Expect(page.GetByTestId("low-stock")).ToContainTextAsync("Ketamine HCl troche");

        // Witnessed waste: the witness types their own password on this screen.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lot KT24-0871" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record waste" }).ClickAsync();
        await page.GetByLabel("Quantity wasted (mL)").FillAsync("0.6");
        await page.GetByLabel("Reason").FillAsync("Unused remainder after a 35 mg IM dose");
        await page.GetByLabel("Witness", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sam Okafor" });
        await page.GetByLabel("Witness's password").FillAsync("wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record waste" }).ClickAsync();
        await Assertions.Expect(page.Locator("#witness-password-error")).ToHaveTextAsync("That is not Sam Okafor's password.");
        await BrowserFixture.ScreenshotAsync(page, "inventory-02-waste-refused");
        await page.GetByLabel("Witness's password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record waste" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("lot-balance")).ToHaveTextAsync("49.4 mL");

        // A blind count starts from the count sheet (the lot page shows the balance): neither shows a balance; the result does.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Blind count" })).ToHaveCountAsync(0);
        await page.GotoAsync("/Inventory");
        await page.GetByRole(AriaRole.Link, new() { Name = "Count stock" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-sheet")).ToContainTextAsync("KT24-0512");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("49.4");
        await BrowserFixture.ScreenshotAsync(page, "inventory-08-count-sheet");
        await page.GetByRole(AriaRole.Link, new() { Name = "Count lot KT24-0871" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("49.4");
        await BrowserFixture.ScreenshotAsync(page, "inventory-06-count");
        await page.GetByLabel("On the shelf (mL)").FillAsync("48.9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record count" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("variance")).ToHaveTextAsync("−0.5 mL");
        await BrowserFixture.ScreenshotAsync(page, "inventory-03-count-result");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the lot" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "inventory-04-lot");
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct" }).Nth(1).ClickAsync();
        await Assertions.Expect(page.GetByTestId("corrected-entry")).ToContainTextAsync("Unused remainder");
        await BrowserFixture.ScreenshotAsync(page, "inventory-07-correct");

        await page.GotoAsync("/Inventory");
        await Assertions.Expect(page.GetByTestId("open-discrepancies")).ToContainTextAsync("short by 0.5 mL");
        await Assertions.Expect(page.GetByTestId("dea-reminder")).ToContainTextAsync("Form 106");
        await BrowserFixture.ScreenshotAsync(page, "inventory-01-dashboard");
        Assert.Contains($"/Inventory/Lots/{lotId}", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("products")).ToContainTextAsync("61.9 mL");
        await BrowserFixture.ScreenshotAsync(page, "inventory-08-products");
    }

    private static async Task<Guid> ProductAsync(KapClinicAppFactory app, string name, DosageForm form, string strength, decimal mgPerUnit, decimal perContainer, decimal reorder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InventoryService>().CreateProductAsync(new ProductInput
        {
            Name = name, Ndc = $"{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}", Drug = DrugKind.Ketamine,
            Form = form, Strength = strength, MgPerUnit = mgPerUnit, UnitsPerContainer = perContainer, ReorderLevelUnits = reorder,
        }, await TestUsers.CreateAsync(app, ClinicRoles.Admin));
    }

    private static async Task<Guid> LotAsync(KapClinicAppFactory app, Guid productId, string lotNumber, DateOnly expiresOn, decimal quantity, Guid receivedBy)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InventoryService>().ReceiveLotAsync(productId, new ReceiveLotInput
        {
            LotNumber = lotNumber, ExpiresOn = expiresOn, SupplierName = "Henry Schein Medical", SupplierAddress = "135 Duryea Rd, Melville, NY 11747",
            SupplierDeaNumber = "RC0183462", InvoiceNumber = "HS-" + lotNumber, ReceivedOn = expiresOn.AddYears(-2) < DateOnly.FromDateTime(DateTime.UtcNow) ? expiresOn.AddYears(-2) : DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30),
            Quantity = quantity,
        }, receivedBy);
    }

    /// <summary>A lot received before it expired (the service refuses an expired receipt, so it goes in as the database allows).</summary>
    private static async Task ExpiredLotAsync(KapClinicAppFactory app, Guid productId, string lotNumber, DateOnly expiresOn, decimal quantity, Guid receivedBy)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.ExecuteSqlRawAsync(
            """
            INSERT INTO inventory_lots (id, product_id, lot_number, expires_on, supplier_name, supplier_address, supplier_dea_number, invoice_number,
                received_on, quantity_received, received_by, created_at, balance, is_closed)
            VALUES ({0}, {1}, {2}, {3}, 'Henry Schein Medical', '135 Duryea Rd, Melville, NY 11747', 'RC0183462', {4}, {5}, {6}, {7}, now(), 0, false);
            INSERT INTO inventory_ledger (id, lot_id, product_id, kind, delta, balance_after, recorded_by, recorded_at)
            VALUES (gen_random_uuid(), {0}, {1}, 'Received', {6}, 0, {7}, now());
            """,
            Guid.CreateVersion7(), productId, lotNumber, expiresOn, "HS-" + lotNumber, expiresOn.AddYears(-2), quantity, receivedBy);
    }
}
