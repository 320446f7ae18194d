using System.Net;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Inventory.InventoryData;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>Corrections linked both ways, Admin adjustments, closing an empty lot, and what a closed lot refuses.</summary>
public sealed class LotActionsPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_correction_opens_prefilled_from_its_entry_and_shows_linked_on_both_rows()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var lotId = await LotAsync(App, await ProductAsync(App), 10m, userId);
        await HtmlForms.PostAsync(client, $"/Inventory/Lots/{lotId}/Waste", Movement("2", witness, reason: "Keyed as 2 mL"));
        var wasteId = (await EntriesAsync(App, lotId))[1].Id;
        var correctUrl = $"/Inventory/Lots/{lotId}/Entries/{wasteId}/Correct";

        var form = Parse(await client.GetStringAsync(correctUrl));
        Assert.Equal("2", form.GetElementById("Input_Quantity")!.GetAttribute("value"));
        Assert.Contains("Keyed as 2 mL", form.QuerySelector("[data-testid=corrected-entry]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(correctUrl, await client.GetStringAsync($"/Inventory/Lots/{lotId}"), StringComparison.Ordinal);

        var response = await HtmlForms.PostAsync(client, correctUrl, Movement("1.5", witness, reason: "Only 0.5 mL was wasted"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await EntriesAsync(App, lotId);
        var correction = entries.Single(e => e.Kind == LedgerEntryKind.Correction);
        Assert.Equal((wasteId, 9.5m), (correction.CorrectsEntryId!.Value, correction.BalanceAfter));
        var page = Parse(await client.GetStringAsync($"/Inventory/Lots/{lotId}"));
        Assert.Equal($"#entry-{correction.Id}", page.QuerySelector($"#entry-{wasteId} [data-testid=corrected-by] a")!.GetAttribute("href"));
        Assert.Equal($"#entry-{wasteId}", page.QuerySelector($"#entry-{correction.Id} [data-testid=corrects] a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector($"#entry-{correction.Id} a[href$='/Correct']")); // a correction is not corrected
        Assert.Equal("9.5 mL", page.QuerySelector("[data-testid=lot-balance]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_admin_adjusts_with_a_signed_quantity_and_a_witness()
    {
        var (admin, adminId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var lotId = await LotAsync(App, await ProductAsync(App), 10m, adminId);

        var response = await HtmlForms.PostAsync(admin, $"/Inventory/Lots/{lotId}/Adjust", Movement("-0.75", witness, reason: "Count discrepancy investigated: spill"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((9.25m, 2), await StateAsync(App, lotId));
        Assert.Contains("−0.75 mL", TestIdHtml(await admin.GetStringAsync($"/Inventory/Lots/{lotId}"), "ledger"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lot_closes_only_when_empty_and_a_closed_lot_refuses_a_count()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var lotId = await LotAsync(App, await ProductAsync(App), 4m, userId);
        var lotUrl = $"/Inventory/Lots/{lotId}";

        Assert.Contains("still holds", await client.GetStringAsync($"{lotUrl}/Close"), StringComparison.Ordinal);
        Assert.DoesNotContain($"{lotUrl}/Close", await client.GetStringAsync(lotUrl), StringComparison.Ordinal);
        var refused = await HtmlForms.PostAsync(client, lotUrl, [new("Version", "0")], $"{lotUrl}/Close");
        Assert.Contains("still holds 4 units", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await HtmlForms.PostAsync(client, $"{lotUrl}/Return", Movement("4", witness, reason: "Expired", reference: "RD-88120"));
        Assert.Contains($"{lotUrl}/Close", await client.GetStringAsync(lotUrl), StringComparison.Ordinal);
        var closePage = Parse(await client.GetStringAsync($"{lotUrl}/Close"));
        var closed = await HtmlForms.PostAsync(client, lotUrl, [new("Version", closePage.QuerySelector("input[name=Version]")!.GetAttribute("value")!)], $"{lotUrl}/Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("Closed", TestId(await client.GetStringAsync(lotUrl), "lot-status"));

        var count = await HtmlForms.PostAsync(client, "/Inventory", [new("Input.CountedUnits", "0")], $"{lotUrl}/Count");

        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Contains("closed and takes no more entries", Parse(await count.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((0m, 2), await StateAsync(App, lotId));
        Assert.Null(TestId(await client.GetStringAsync(lotUrl), "lot-actions"));
    }

    private static string TestIdHtml(string html, string testId) => Parse(html).QuerySelector($"[data-testid='{testId}']")?.InnerHtml ?? string.Empty;
}
