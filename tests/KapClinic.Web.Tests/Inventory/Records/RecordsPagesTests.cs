using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory.Records;

/// <summary>The records' pages and exports over HTTP: who may see them, what the files hold, and the audit trail.</summary>
public sealed partial class RecordsPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] Pages = ["/Inventory/Records", "/Inventory/Records/DispensingLog", "/Inventory/Records/InventoryReport", "/Inventory/Records/DiscrepancyLog"];

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Staff_get_403_on_every_record_page_and_export()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        foreach (var url in Pages.Concat(["/Inventory/Records/DispensingLog?handler=Csv", "/Inventory/Records/DiscrepancyLog?handler=Pdf"]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Theory]
    [InlineData(ClinicRoles.Clinician)]
    [InlineData(ClinicRoles.Admin)]
    public async Task Clinicians_and_admins_open_every_record_page(string role)
    {
        await ScenarioAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, role);

        foreach (var url in Pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task The_csv_export_has_a_header_row_iso_times_with_offset_and_neutralises_a_reason_that_starts_with_equals()
    {
        var (product, today) = await ScenarioAsync();
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var response = await client.GetAsync($"/Inventory/Records/DispensingLog?handler=Csv&product={product}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Recorded at,Entry,Lot,In,Out,Lot balance,Product balance,Patient MRN,Received on / given at,\"Supplier (address, DEA number, invoice)\",Given by,Recorded by,Witness,\"Details (reason, reference, count)\"", lines[0]);
        Assert.Equal(6, lines.Length); // header, opening balance, receipt, waste, count, closing balance
        var waste = lines.Single(l => l.Contains(",Wasted,", StringComparison.Ordinal));
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://evil.test\"\")\"", waste, StringComparison.Ordinal); // quoted (it holds quotes), after the neutralising quote
        Assert.DoesNotContain("\"=HYPERLINK", waste, StringComparison.Ordinal);
        Assert.Matches(IsoWithOffset(), waste.Split(',')[0]);
        Assert.True(await AuditedAsync(AuditActions.InventoryRecordExported, userId, "report=DispensingLog format=Csv", "rows=3"));
    }

    [Fact]
    public async Task The_pdf_export_is_a_pdf_with_numbered_pages_and_is_audited()
    {
        var (product, today) = await ScenarioAsync();
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var response = await client.GetAsync($"/Inventory/Records/DiscrepancyLog?handler=Pdf&product={product}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes[..4]));
        Assert.Contains("Page 1 of 1", PdfText.Of(bytes), StringComparison.Ordinal);
        Assert.True(await AuditedAsync(AuditActions.InventoryRecordExported, userId, "report=DiscrepancyLog format=Pdf", "rows=1"));
    }

    [Fact]
    public async Task The_inventory_report_is_signed_only_after_the_certification_is_ticked_and_the_signature_is_audited()
    {
        var (_, today) = await ScenarioAsync();
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var url = "/Inventory/Records/InventoryReport";
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var unticked = await HtmlForms.PostAsync(client, url, [new("Input.Date", date), new("Input.Format", "Csv")]);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("to sign the inventory", WebUtility.HtmlDecode(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await AuditedAsync(AuditActions.InventoryReportSigned, userId, "report=InventoryReport"));

        var signed = await HtmlForms.PostAsync(client, url, [new("Input.Date", date), new("Input.Format", "Csv"), new("Input.Certify", "true")]);
        Assert.Equal("text/csv", signed.Content.Headers.ContentType?.MediaType);
        var csv = await signed.Content.ReadAsStringAsync();
        Assert.Contains("I certify this inventory is complete and accurate.", csv, StringComparison.Ordinal);
        Assert.Contains("Signed: Test Admin", csv, StringComparison.Ordinal);
        Assert.Matches(@"Signed at \(UTC\): \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", csv);
        Assert.True(await AuditedAsync(AuditActions.InventoryReportSigned, userId, $"report=InventoryReport format=Csv date={date}"));
    }

    [Fact]
    public async Task A_signed_inventory_is_kept_with_its_lots_and_hash_listed_on_the_page_and_never_changed()
    {
        var (_, today) = await ScenarioAsync();
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var url = "/Inventory/Records/InventoryReport";
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var signed = await HtmlForms.PostAsync(client, url, [new("Input.Date", date), new("Input.Format", "Csv"), new("Input.Certify", "true")]);
        Assert.Equal("text/csv", signed.Content.Headers.ContentType?.MediaType);
        var body = await signed.Content.ReadAsStringAsync();
        Assert.True(signed.IsSuccessStatusCode, $"{signed.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var kept = await db.SignedInventories.AsNoTracking().SingleAsync(s => s.SignerId == userId);
        var zone = (await scope.ServiceProvider.GetRequiredService<Core.Settings.ClinicSettingsService>().GetAsync()).TimeZone;
        var lots = await scope.ServiceProvider.GetRequiredService<Core.Inventory.Records.InventoryRecords>().InventoryLots(today, zone).ToListAsync();
        Assert.Equal((today, "Test Admin", lots.Count), (kept.AsOf, kept.SignerName, kept.LotCount));
        Assert.True(lots.Count > 0);
        Assert.Equal(Core.Inventory.Records.SignedInventory.Hash(lots), kept.ContentHash);
        Assert.Contains(kept.ContentHash[..12], await client.GetStringAsync(url), StringComparison.Ordinal);
        var refusal = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE signed_inventories SET lot_count = 0 WHERE id = {0}", kept.Id));
        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
    }

    [Fact]
    public async Task A_clinician_who_is_not_a_prescriber_may_read_the_inventory_report_but_not_sign_it()
    {
        var (_, today) = await ScenarioAsync();
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var url = "/Inventory/Records/InventoryReport";
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await client.GetStringAsync(url);
        Assert.Contains("Only an administrator or a prescriber can sign", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign and download", page, StringComparison.Ordinal);

        var signed = await HtmlForms.PostAsync(client, url, [new("Input.Date", date), new("Input.Format", "Csv"), new("Input.Certify", "true")]);

        Assert.Equal(HttpStatusCode.Forbidden, signed.StatusCode);
        Assert.False(await AuditedAsync(AuditActions.InventoryReportSigned, userId, "report=InventoryReport"));
        var (prescriber, prescriberId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var allowed = await HtmlForms.PostAsync(prescriber, url, [new("Input.Date", date), new("Input.Format", "Csv"), new("Input.Certify", "true")]);
        Assert.Equal("text/csv", allowed.Content.Headers.ContentType?.MediaType);
        Assert.True(await AuditedAsync(AuditActions.InventoryReportSigned, prescriberId, $"report=InventoryReport format=Csv date={date}"));
    }

    [Fact]
    public async Task A_filter_with_the_last_day_before_the_first_is_refused_beside_the_field()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var response = await client.GetAsync("/Inventory/Records/DiscrepancyLog?from=2026-11-10&to=2026-11-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The last day must be on or after the first day.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var export = await client.GetAsync("/Inventory/Records/DiscrepancyLog?handler=Csv&from=2026-11-10&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    /// <summary>Today: a product, a lot of 10 and a witnessed waste whose reason is a spreadsheet formula, and a count of 9 (a discrepancy).</summary>
    private async Task<(Guid Product, DateOnly Today)> ScenarioAsync()
    {
        var data = new InventoryTestData(App);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var product = await data.ProductAsync();
        var lot = await data.ReceiveAsync(product, 10m, DateOnly.FromDateTime(DateTime.UtcNow), admin);
        await data.WithAsync<InventoryService, Guid>(s => s.WasteAsync(lot, InventoryTestData.Movement(0.5m, witness, "=HYPERLINK(\"http://evil.test\")"), admin));
        await data.WithAsync<InventoryService, CountResult>(s => s.CountAsync(lot, 9m, admin));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        return (product, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime));
    }

    private async Task<bool> AuditedAsync(string action, Guid userId, params string[] detailParts)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var details = await db.AuditEvents.Where(e => e.Action == action && e.UserId == userId && e.Outcome == AuditOutcome.Success).Select(e => e.Detail).ToListAsync();
        return details.Any(d => d is not null && detailParts.All(p => d.Contains(p, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex IsoWithOffset();
}
