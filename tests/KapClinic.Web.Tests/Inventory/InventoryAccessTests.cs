using System.Net;
using KapClinic.Core.Inventory;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Inventory.InventoryData;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>Who reaches which inventory page: Staff nothing, clinicians read, prescribers and Admins write, Admins alone adjust and resolve.</summary>
public sealed class InventoryAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Staff_get_403_on_every_inventory_page_and_see_no_inventory_link()
    {
        var urls = await UrlsAsync();
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        foreach (var url in urls.Read.Concat(urls.Manage).Concat(urls.AdminOnly))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }

        Assert.DoesNotContain("href=\"/Inventory\"", await staff.GetStringAsync("/Patients"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_who_is_not_a_prescriber_reads_the_inventory_but_gets_403_on_every_write()
    {
        var urls = await UrlsAsync();
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        foreach (var url in urls.Read)
        {
            Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync(url)).StatusCode);
        }

        foreach (var url in urls.Manage.Concat(urls.AdminOnly))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await clinician.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode);
        }

        var lotPage = await clinician.GetStringAsync(urls.Read[^1]);
        Assert.Null(TestId(lotPage, "lot-actions"));
        Assert.DoesNotContain("/Correct", lotPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/Inventory\"", await clinician.GetStringAsync("/Patients"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prescriber_opens_every_write_page_except_the_admin_ones()
    {
        var urls = await UrlsAsync();
        var (prescriber, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);

        foreach (var url in urls.Read.Concat(urls.Manage))
        {
            Assert.Equal(HttpStatusCode.OK, (await prescriber.GetAsync(url)).StatusCode);
        }

        foreach (var url in urls.AdminOnly)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await prescriber.GetAsync(url)).StatusCode);
        }

        Assert.NotNull(TestId(await prescriber.GetStringAsync(urls.Read[^1]), "lot-actions"));
    }

    [Fact]
    public async Task An_admin_opens_every_inventory_page()
    {
        var urls = await UrlsAsync();
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        foreach (var url in urls.Read.Concat(urls.Manage).Concat(urls.AdminOnly))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task A_prescriber_posting_an_adjustment_is_refused_and_nothing_is_written()
    {
        var urls = await UrlsAsync();
        var (prescriber, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var before = await StateAsync(App, urls.LotId);

        var response = await HtmlForms.PostAsync(prescriber, "/Inventory", Movement("-1", witness, reason: "Recount"), $"/Inventory/Lots/{urls.LotId}/Adjust");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StateAsync(App, urls.LotId));
    }

    private async Task<(Guid LotId, string[] Read, string[] Manage, string[] AdminOnly)> UrlsAsync()
    {
        var owner = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var productId = await ProductAsync(App);
        var lotId = await LotAsync(App, productId, 10m, owner);
        Guid entryId, discrepancyId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<InventoryService>().CountAsync(lotId, 9m, owner);
            (entryId, discrepancyId) = (result.CountEntryId, result.DiscrepancyId!.Value);
        }

        var received = (await EntriesAsync(App, lotId))[0].Id;
        var lot = $"/Inventory/Lots/{lotId}";
        return (lotId,
            ["/Inventory", "/Inventory/Products", "/Inventory/Discrepancies", $"{lot}/Counts/{entryId}", lot],
            ["/Inventory/Lots/Receive", "/Inventory/Counts", $"{lot}/Waste", $"{lot}/Return", $"{lot}/Count", $"{lot}/Close", $"{lot}/Entries/{received}/Correct"],
            ["/Inventory/Products/New", $"{lot}/Adjust", $"/Inventory/Discrepancies/{discrepancyId}/Resolve"]);
    }
}
