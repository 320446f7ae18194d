using System.Net;
using KapClinic.Core.Courses;
using KapClinic.Core.Inventory;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Inventory;
using KapClinic.Web.Tests.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The dose page in a clinic that keeps ketamine vials in stock: the dose is taken from a lot, with its ledger entry.</summary>
public sealed class DoseFromStockPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_dose_from_a_lot_writes_the_administration_and_its_administered_ledger_entry_in_units()
    {
        var s = await DoseStockData.SessionAsync(App);
        var lotId = await InventoryData.LotAsync(App, await InventoryData.ProductAsync(App), 10m, s.PrescriberId, lotNumber: "KH-2417-A");

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await DoseStockData.FieldsAsync(App, s, lotId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dose = Assert.Single((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
        Assert.Equal((lotId, "KH-2417-A"), (dose.LotId, dose.LotNumber));
        var entry = Assert.Single(await DoseStockData.AdministeredAsync(App, lotId));
        Assert.Equal((-0.70m, 9.30m), (entry.Delta, entry.BalanceAfter));
        Assert.Equal((s.PatientId, s.SessionId, dose.Id, s.NurseId), (entry.PatientId!.Value, entry.DosingSessionId!.Value, entry.AdministrationId!.Value, entry.RecordedBy));
        Assert.Equal((9.30m, 2), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task The_lot_page_shows_the_administered_entry_with_the_patients_mrn_and_a_link_to_the_session()
    {
        var s = await DoseStockData.SessionAsync(App);
        var lotId = await InventoryData.LotAsync(App, await InventoryData.ProductAsync(App), 10m, s.PrescriberId);
        await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await DoseStockData.FieldsAsync(App, s, lotId));
        var entry = Assert.Single(await DoseStockData.AdministeredAsync(App, lotId));

        var page = await ChartTestData.GetDocumentAsync(s.Prescriber, $"/Inventory/Lots/{lotId}");

        var row = page.QuerySelector($"[data-testid='entry-{entry.Id}']")!;
        Assert.Contains("Administered", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Patient MRN {await DoseStockData.MrnAsync(App, s.PatientId)}", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(s.SessionUrl, row.QuerySelector("a[href^='/Patients/']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_page_offers_only_open_in_date_lots_with_something_left_soonest_expiry_first_and_preselected()
    {
        var s = await DoseStockData.SessionAsync(App);
        var productId = await InventoryData.ProductAsync(App, name: "Ketamine HCl injection (preselect)");
        var today = await DoseStockData.TodayAsync(App);
        var later = await InventoryData.LotAsync(App, productId, 10m, s.PrescriberId, expiresOn: today.AddDays(30));
        var soonest = await InventoryData.LotAsync(App, productId, 5m, s.PrescriberId, lotNumber: "KH-SOON-1", expiresOn: today.AddDays(2));
        var expired = await InventoryData.ExpiredLotAsync(App, productId, 5m, s.PrescriberId, today.AddDays(-1));
        var empty = await InventoryData.LotAsync(App, productId, 1m, s.PrescriberId, expiresOn: today.AddDays(1));
        var closed = await InventoryData.LotAsync(App, productId, 1m, s.PrescriberId, expiresOn: today.AddDays(1));
        await EmptyAsync(empty, s);
        await EmptyAsync(closed, s, close: true);

        var page = await ChartTestData.GetDocumentAsync(s.Nurse, s.DoseUrl);

        var options = page.QuerySelectorAll("#Input_LotId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(later.ToString(), options);
        Assert.DoesNotContain(expired.ToString(), options);
        Assert.DoesNotContain(empty.ToString(), options);
        Assert.DoesNotContain(closed.ToString(), options);
        Assert.Equal(["", soonest.ToString()], options.Take(2));
        var chosen = page.QuerySelector("#Input_LotId option[selected]")!;
        Assert.Equal(soonest.ToString(), chosen.GetAttribute("value"));
        Assert.Equal(
            $"Lot KH-SOON-1 · expires {InventoryText(today.AddDays(2))} · 5 mL left · Ketamine HCl injection (preselect) 500 mg/10 mL (50 mg/mL)",
            chosen.TextContent.Trim());
        Assert.Null(page.QuerySelector("#Input_LotNumber"));
        Assert.Equal("lot-help lot-take lot-error", page.QuerySelector("#Input_LotId")!.GetAttribute("aria-describedby"));

        // Re-rendered after a refusal elsewhere on the form, the page says what the dose takes from the lot.
        var refused = await ChartTestData.ParseAsync(await HtmlForms.PostAsync(
            s.Nurse, s.DoseUrl, [.. (await DoseStockData.FieldsAsync(App, s, soonest)).Where(f => f.Key != "Input.GivenById")]));
        Assert.Equal("Takes 0.70 mL of 50 mg/mL from this lot.", refused.QuerySelector("[data-testid=lot-take]")!.TextContent.Trim());
        Assert.Equal(soonest.ToString(), refused.QuerySelector("#Input_LotId option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_dose_bigger_than_the_lot_balance_is_refused_beside_the_lot_and_neither_row_is_written()
    {
        var s = await DoseStockData.SessionAsync(App);
        var lotId = await InventoryData.LotAsync(App, await InventoryData.ProductAsync(App), 0.5m, s.PrescriberId, lotNumber: "KH-LOW-1");

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await DoseStockData.FieldsAsync(App, s, lotId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ChartTestData.ParseAsync(response);
        Assert.Equal("This dose takes 0.70 mL but lot KH-LOW-1 holds only 0.50 mL: choose another lot.", page.QuerySelector("#lot-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Input_LotId")!.GetAttribute("aria-invalid"));
        Assert.Equal("35", page.QuerySelector("#Input_DoseMg")!.GetAttribute("value"));
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
        Assert.Equal((0.5m, 1), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task An_expired_lot_is_not_offered_and_a_forged_post_with_its_id_is_refused()
    {
        var s = await DoseStockData.SessionAsync(App);
        var expiredOn = (await DoseStockData.TodayAsync(App)).AddDays(-1);
        var lotId = await InventoryData.ExpiredLotAsync(App, await InventoryData.ProductAsync(App), 10m, s.PrescriberId, expiredOn, "KH-OLD-1");
        var page = await ChartTestData.GetDocumentAsync(s.Nurse, s.DoseUrl);
        Assert.Null(page.QuerySelector($"#Input_LotId option[value='{lotId}']"));

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await DoseStockData.FieldsAsync(App, s, lotId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await ChartTestData.ParseAsync(response);
        Assert.Equal($"Lot KH-OLD-1 expired on {DoseStockData.Date(expiredOn)}: choose another lot.", refused.QuerySelector("#lot-error")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);
        Assert.Equal((10m, 1), await InventoryData.StateAsync(App, lotId));
    }

    [Fact]
    public async Task Without_a_lot_chosen_the_dose_is_refused_and_a_route_the_clinic_does_not_stock_keeps_the_typed_lot_number()
    {
        var s = await DoseStockData.SessionAsync(App);
        await InventoryData.ProductAsync(App);

        var response = await HtmlForms.PostAsync(s.Nurse, s.DoseUrl, await DoseStockData.FieldsAsync(App, s, lotId: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose the lot the dose is taken from.", (await ChartTestData.ParseAsync(response)).QuerySelector("#lot-error")!.TextContent.Trim());
        Assert.Empty((await DosingPagesData.LoadAsync(App, s.SessionId)).Administrations);

        var sublingual = await DoseStockData.SessionAsync(App, DefaultProtocols.SublingualKapId);
        var page = await ChartTestData.GetDocumentAsync(sublingual.Nurse, sublingual.DoseUrl);
        Assert.NotNull(page.QuerySelector("#Input_LotNumber"));
        Assert.Null(page.QuerySelector("#Input_LotId"));
    }

    private static string InventoryText(DateOnly day) => Web.Pages.Inventory.InventoryText.Date(day);

    private async Task EmptyAsync(Guid lotId, StockSession s, bool close = false)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var inventory = scope.ServiceProvider.GetRequiredService<InventoryService>();
        await inventory.WasteAsync(lotId, new MovementInput { Quantity = 1m, Reason = "Dropped", WitnessId = s.NurseId, WitnessPassword = TestUsers.Password }, s.PrescriberId);
        if (close)
        {
            var lot = await scope.ServiceProvider.GetRequiredService<InventoryQueries>().LotWithBalanceAsync(lotId);
            await inventory.CloseLotAsync(lotId, lot.Version, s.PrescriberId);
        }
    }
}
