using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Inventory.InventoryData;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>The blind count page, the discrepancy a variance opens, and its life on the dashboard until an Admin resolves it.</summary>
public sealed class BlindCountPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_count_page_never_shows_the_expected_balance()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var lotId = await LotAsync(App, await ProductAsync(App), 37.25m, userId, lotNumber: "BLIND-1");

        var html = await client.GetStringAsync($"/Inventory/Lots/{lotId}/Count");

        Assert.Contains("BLIND-1", html, StringComparison.Ordinal);
        Assert.Contains("Input_CountedUnits", html, StringComparison.Ordinal);
        Assert.DoesNotContain("37.25", html, StringComparison.Ordinal);
        Assert.DoesNotContain("37,25", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1,862.5", html, StringComparison.Ordinal); // nor in mg
        Assert.Contains("37.25", await client.GetStringAsync($"/Inventory/Lots/{lotId}"), StringComparison.Ordinal); // the number to look for is real
    }

    [Fact]
    public async Task Counts_start_from_a_count_sheet_that_lists_open_lots_without_balances_and_the_lot_page_has_no_count_button()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var productId = await ProductAsync(App);
        var lotId = await LotAsync(App, productId, 43.75m, userId, lotNumber: "SHEET-1");
        var otherId = await LotAsync(App, productId, 16.5m, userId, lotNumber: "SHEET-2");

        var html = await client.GetStringAsync("/Inventory/Counts");

        var sheet = Parse(html).QuerySelector("[data-testid=count-sheet]")!;
        Assert.Contains("SHEET-1", sheet.TextContent, StringComparison.Ordinal);
        Assert.NotNull(sheet.QuerySelector($"a[href='/Inventory/Lots/{lotId}/Count']"));
        Assert.NotNull(sheet.QuerySelector($"a[href='/Inventory/Lots/{otherId}/Count']"));
        foreach (var figure in new[] { "43.75", "43.8", "2,187.5", "2187.5", "16.5", "16.50", "4.4", "1.7" })
        {
            Assert.DoesNotContain(figure, html, StringComparison.Ordinal);
        }

        Assert.Contains("Count stock", await client.GetStringAsync("/Inventory"), StringComparison.Ordinal);
        var lotPage = await client.GetStringAsync($"/Inventory/Lots/{lotId}");
        Assert.Contains("43.75", lotPage, StringComparison.Ordinal); // the figures to look for are real
        Assert.DoesNotContain($"/Inventory/Lots/{lotId}/Count\"", lotPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Blind count", lotPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_with_a_variance_shows_its_result_and_opens_a_discrepancy_that_stays_on_the_dashboard_until_an_admin_resolves_it()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var lotId = await LotAsync(App, await ProductAsync(App), 20m, userId, lotNumber: "VAR-" + NewLotNumber());

        var count = await HtmlForms.PostAsync(client, $"/Inventory/Lots/{lotId}/Count", [new("Input.CountedUnits", "18.5")]);

        Assert.Equal(HttpStatusCode.Redirect, count.StatusCode);
        var result = await client.GetStringAsync(count.Headers.Location!.OriginalString);
        Assert.Equal(("20 mL", "18.5 mL", "−1.5 mL"), (TestId(result, "expected"), TestId(result, "counted"), TestId(result, "variance")));
        Assert.Contains("Form 106", TestId(result, "discrepancy-opened"), StringComparison.Ordinal);

        var (reader, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var open = Parse(await reader.GetStringAsync("/Inventory")).QuerySelector("[data-testid=open-discrepancies]")!;
        var item = open.QuerySelectorAll("li").Single(li => li.InnerHtml.Contains($"/Inventory/Lots/{lotId}", StringComparison.Ordinal));
        Assert.Contains("short by 1.5 mL", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Form 106", item.TextContent, StringComparison.Ordinal);
        Assert.Null(item.QuerySelector("a[href$='/Resolve']")); // only Admins see Resolve

        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var resolveUrl = await ResolveUrlAsync(admin, lotId);
        var empty = await HtmlForms.PostAsync(admin, resolveUrl, [new("Input.ResolutionNote", " "), new("Input.Version", VersionOn(await admin.GetStringAsync(resolveUrl)))]);
        Assert.Contains("Write how the discrepancy was resolved", ErrorOf(await empty.Content.ReadAsStringAsync(), "note-error"), StringComparison.Ordinal);
        Assert.Contains($"/Inventory/Lots/{lotId}", await reader.GetStringAsync("/Inventory"), StringComparison.Ordinal);

        var resolved = await HtmlForms.PostAsync(admin, resolveUrl,
            [new("Input.ResolutionNote", "Spill during draw-up, confirmed with witness; adjusted."), new("Input.Version", VersionOn(await admin.GetStringAsync(resolveUrl)))]);

        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.DoesNotContain($"/Inventory/Lots/{lotId}", TestIdHtml(await reader.GetStringAsync("/Inventory"), "open-discrepancies"), StringComparison.Ordinal);
        Assert.Contains("Spill during draw-up", await reader.GetStringAsync("/Inventory/Discrepancies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_with_a_stale_version_shows_a_conflict_and_keeps_the_typed_note()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var lotId = await LotAsync(App, await ProductAsync(App), 5m, userId);
        await HtmlForms.PostAsync(client, $"/Inventory/Lots/{lotId}/Count", [new("Input.CountedUnits", "6")]);
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var resolveUrl = await ResolveUrlAsync(admin, lotId);

        var response = await HtmlForms.PostAsync(admin, resolveUrl, [new("Input.ResolutionNote", "Found an uncounted vial."), new("Input.Version", "1")]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else resolved or changed this discrepancy", html, StringComparison.Ordinal);
        Assert.Equal("Found an uncounted vial.", Parse(html).GetElementById("Input_ResolutionNote")!.TextContent.Trim());
        Assert.Contains($"/Inventory/Lots/{lotId}", TestIdHtml(await admin.GetStringAsync("/Inventory"), "open-discrepancies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_that_matches_opens_no_discrepancy()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var lotId = await LotAsync(App, await ProductAsync(App), 8m, userId);

        var count = await HtmlForms.PostAsync(client, $"/Inventory/Lots/{lotId}/Count", [new("Input.CountedUnits", "8")]);

        var result = await client.GetStringAsync(count.Headers.Location!.OriginalString);
        Assert.Equal("None", TestId(result, "variance"));
        Assert.Null(TestId(result, "discrepancy-opened"));
    }

    [Theory]
    [InlineData("-1", "The count cannot be negative.")]
    [InlineData("a dozen", "Enter what is on the shelf as a number, like 9.5.")]
    [InlineData("", "Enter what is on the shelf (0 if the lot is empty).")]
    public async Task A_bad_count_is_refused_with_a_message_and_nothing_is_written(string counted, string message)
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var lotId = await LotAsync(App, await ProductAsync(App), 8m, userId);

        var response = await HtmlForms.PostAsync(client, $"/Inventory/Lots/{lotId}/Count", [new("Input.CountedUnits", counted)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, ErrorOf(await response.Content.ReadAsStringAsync(), "count-error"));
        Assert.Equal((8m, 1), await StateAsync(App, lotId));
    }

    private static string VersionOn(string html) => Parse(html).GetElementById("Input_Version")!.GetAttribute("value")!;

    private static string TestIdHtml(string html, string testId) => Parse(html).QuerySelector($"[data-testid='{testId}']")?.InnerHtml ?? string.Empty;

    private static async Task<string> ResolveUrlAsync(HttpClient admin, Guid lotId) =>
        Parse(await admin.GetStringAsync("/Inventory")).QuerySelectorAll("[data-testid=open-discrepancies] li")
            .Single(li => li.InnerHtml.Contains($"/Inventory/Lots/{lotId}", StringComparison.Ordinal)).QuerySelector("a[href$='/Resolve']")!.GetAttribute("href")!;
}
