using KapClinic.Core.Courses;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Inventory;

/// <summary>An administrator reads the dispensing log, then signs and downloads the inventory report.</summary>
public sealed class InventoryRecordsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_reads_the_dispensing_log_and_downloads_the_signed_inventory()
    {
        var email = $"admin-{Guid.NewGuid():N}@clinic.test";
        var admin = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Admin, email, name: "Morgan Lee");
        var witness = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, name: "Dr. Priya Shah");
        await StockAsync(admin, witness);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on

        await page.GotoAsync("/Inventory/Records");
        await BrowserFixture.ScreenshotAsync(page, "inventory-records-01-index");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dispensing log" }).ClickAsync();
        await page.GetByLabel("Product").SelectOptionAsync(new SelectOptionValue { Label = "Ketamine HCl injection 500 mg/10 mL (50 mg/mL) (NDC 0409-2051-05)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("opening-balance")).ToHaveTextAsync("0.00");
        await Assertions.Expect(page.GetByTestId("closing-balance")).ToHaveTextAsync("17.50");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Vial dropped and cracked; contents lost" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "inventory-records-02-dispensing-log");

        await page.GotoAsync("/Inventory/Records/InventoryReport");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign and download PDF" }).ClickAsync();
        await Assertions.Expect(page.GetByText("to sign the inventory")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "inventory-records-03-report-unsigned");
        await page.GetByLabel("I certify this inventory is complete and accurate.").CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign and download PDF" }).ClickAsync());
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "inventory-report.pdf");
        await download.SaveAsAsync(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path))[..4]));
    }

    private async Task StockAsync(Guid admin, Guid witness)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var inventory = scope.ServiceProvider.GetRequiredService<InventoryService>();
        var product = await inventory.CreateProductAsync(new ProductInput
        {
            Name = "Ketamine HCl injection", Ndc = "0409-2051-05", Drug = DrugKind.Ketamine, Form = DosageForm.Vial, Strength = "500 mg/10 mL (50 mg/mL)",
            MgPerUnit = 50m, UnitsPerContainer = 10m, ReorderLevelUnits = 20m,
        }, admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lot = await inventory.ReceiveLotAsync(product, Receipt("KX2291", 20m, today), admin);
        await inventory.ReceiveLotAsync(product, Receipt("KX2307", 10m, today), admin);
        await inventory.WasteAsync(lot, new MovementInput { Quantity = 10m, Reason = "Vial dropped and cracked; contents lost", WitnessId = witness, WitnessPassword = TestUsers.Password }, admin);
        await inventory.WasteAsync(lot, new MovementInput { Quantity = 2.5m, Reason = "Unused part of the vial after a 37.5 mg dose", WitnessId = witness, WitnessPassword = TestUsers.Password }, admin);
        await inventory.CountAsync(lot, 7m, admin);
    }

    private static ReceiveLotInput Receipt(string lotNumber, decimal quantity, DateOnly today) => new()
    {
        LotNumber = lotNumber, ExpiresOn = today.AddMonths(18), SupplierName = "Henry Schein", SupplierAddress = "135 Duryea Rd, Melville, NY 11747",
        SupplierDeaNumber = "RC0183462", InvoiceNumber = "HS-448120", ReceivedOn = today, Quantity = quantity,
    };
}
