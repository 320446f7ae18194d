using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using static KapClinic.Web.Tests.Inventory.InventoryData;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>Receiving a lot and recording witnessed waste through the forms, and every refusal the forms give.</summary>
public sealed class MovementFormTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_prescriber_receives_a_lot_then_records_witnessed_waste_and_the_balance_shown_changes()
    {
        var productId = await ProductAsync(App);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, name: "Dr. Wendy Witness");
        var lotNumber = NewLotNumber();

        var receive = await HtmlForms.PostAsync(client, "/Inventory/Lots/Receive",
        [
            new("ProductId", productId.ToString()), new("Input.LotNumber", lotNumber), new("Input.ExpiresOn", "2031-06-30"),
            new("Input.SupplierName", "Henry Schein"), new("Input.SupplierAddress", "135 Duryea Rd, Melville, NY 11747"),
            new("Input.SupplierDeaNumber", "RC0183462"), new("Input.InvoiceNumber", "HS-5521"), new("Input.ReceivedOn", "2026-01-05"), new("Input.Quantity", "30"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, receive.StatusCode);
        var lotId = IdAfter(receive, "Lots");
        var lotUrl = $"/Inventory/Lots/{lotId}";
        Assert.Equal("30 mL", TestId(await client.GetStringAsync(lotUrl), "lot-balance"));

        var waste = await HtmlForms.PostAsync(client, $"{lotUrl}/Waste", Movement("2.5", witness, reason: "Unused remainder after a 25 mg dose"));

        Assert.Equal(HttpStatusCode.Redirect, waste.StatusCode);
        var lotPage = await client.GetStringAsync(lotUrl);
        Assert.Equal("27.5 mL", TestId(lotPage, "lot-balance"));
        var wasteRow = Parse(lotPage).QuerySelectorAll("[data-testid=ledger] tbody tr")[1].TextContent;
        Assert.Contains("Wasted", wasteRow, StringComparison.Ordinal);
        Assert.Contains("−2.5 mL", wasteRow, StringComparison.Ordinal);
        Assert.Contains("Dr. Wendy Witness", wasteRow, StringComparison.Ordinal);
        Assert.Contains("Unused remainder after a 25 mg dose", wasteRow, StringComparison.Ordinal);
        var dashboard = await client.GetStringAsync("/Inventory");
        var lotRow = Parse(dashboard).QuerySelectorAll("[data-testid=stock] tr").Single(r => r.TextContent.Contains(lotNumber, StringComparison.Ordinal));
        Assert.Contains("27.5 mL", lotRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("1,375 mg", lotRow.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_who_is_the_recorder_is_refused_beside_the_field_and_nothing_is_written()
    {
        var (client, userId, lotId) = await LotWithClientAsync();

        var html = await RefusedAsync(client, lotId, Movement("1", userId));

        Assert.Contains("second person", ErrorOf(html, "witness-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_witness_password_is_refused_beside_it_nothing_is_written_and_the_password_is_not_echoed()
    {
        var (client, _, lotId) = await LotWithClientAsync();
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, name: "Nurse Nadia");

        var html = await RefusedAsync(client, lotId, Movement("1.25", witness, password: "not-the-password-77", reason: "Dropped vial"));

        Assert.Equal("That is not Nurse Nadia's password.", ErrorOf(html, "witness-password-error"));
        Assert.DoesNotContain("not-the-password-77", html, StringComparison.Ordinal);
        var form = Parse(html);
        Assert.Equal("1.25", form.GetElementById("Input_Quantity")!.GetAttribute("value"));
        Assert.Equal("Dropped vial", form.GetElementById("Input_Reason")!.TextContent.Trim());
        Assert.Equal(witness.ToString(), form.QuerySelector("#Input_WitnessId option[selected]")!.GetAttribute("value"));
        Assert.Equal(("off", "password"), (form.GetElementById("Input_WitnessPassword")!.GetAttribute("autocomplete"), form.GetElementById("Input_WitnessPassword")!.GetAttribute("type")));
    }

    [Fact]
    public async Task A_witness_without_inventory_permission_is_refused()
    {
        var (client, _, lotId) = await LotWithClientAsync();
        var staff = await TestUsers.CreateAsync(App, ClinicRoles.Staff);

        var html = await RefusedAsync(client, lotId, Movement("1", staff));

        Assert.Equal("The witness must be a clinician or an administrator.", ErrorOf(html, "witness-error"));
    }

    [Fact]
    public async Task The_witness_list_offers_other_clinicians_and_admins_but_not_the_recorder_or_staff()
    {
        var (client, userId, lotId) = await LotWithClientAsync();
        var clinician = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var admin = await TestUsers.CreateAsync(App, ClinicRoles.Admin);
        var staff = await TestUsers.CreateAsync(App, ClinicRoles.Staff);

        var options = Parse(await client.GetStringAsync($"/Inventory/Lots/{lotId}/Waste")).QuerySelectorAll("#Input_WitnessId option").Select(o => o.GetAttribute("value")).ToList();

        Assert.Contains(clinician.ToString(), options);
        Assert.Contains(admin.ToString(), options);
        Assert.DoesNotContain(staff.ToString(), options);
        Assert.DoesNotContain(userId.ToString(), options);
    }

    [Theory]
    [InlineData("0", "The quantity cannot be 0.")]
    [InlineData("-2", "Enter a quantity above 0, to at most 2 decimals.")]
    [InlineData("two", "Enter the quantity as a number, like 2.5.")]
    [InlineData("", "Enter the quantity.")]
    [InlineData("1.234", "Enter the quantity to at most 2 decimals.")]
    [InlineData("10.01", "That is more than the lot holds now; nothing was recorded. Reload to see the current balance.")]
    [InlineData("250000", "The quantity must be within 100,000 units.")]
    public async Task A_bad_quantity_is_refused_with_a_message_beside_it_and_nothing_is_written(string quantity, string message)
    {
        var (client, _, lotId) = await LotWithClientAsync();
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);

        var html = await RefusedAsync(client, lotId, Movement(quantity, witness));

        Assert.Equal(message, ErrorOf(html, "quantity-error"));
        Assert.Equal(quantity, Parse(html).GetElementById("Input_Quantity")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_return_needs_its_reverse_distributor_or_form_41_reference()
    {
        var (client, _, lotId) = await LotWithClientAsync();
        var witness = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        var html = await RefusedAsync(client, lotId, Movement("10", witness), "Return");
        var done = await HtmlForms.PostAsync(client, $"/Inventory/Lots/{lotId}/Return", Movement("10", witness, reason: "Expired", reference: "DEA 41 #2026-014"));

        Assert.Contains("DEA Form 41", ErrorOf(html, "reference-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal((0m, 2), await StateAsync(App, lotId));
    }

    private async Task<string> RefusedAsync(HttpClient client, Guid lotId, List<KeyValuePair<string, string>> fields, string action = "Waste")
    {
        var before = await StateAsync(App, lotId);
        var response = await HtmlForms.PostAsync(client, $"/Inventory/Lots/{lotId}/{action}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await StateAsync(App, lotId));
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(HttpClient Client, Guid UserId, Guid LotId)> LotWithClientAsync()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var lotId = await LotAsync(App, await ProductAsync(App), 10m, userId);
        return (client, userId, lotId);
    }
}
