using System.Globalization;
using System.Net;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Courses;

public sealed class ProtocolAdministrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_four_default_protocols_are_listed()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var html = await admin.GetStringAsync("/Admin/Protocols");

        foreach (var (_, definition) in DefaultProtocols.All)
        {
            Assert.Contains(definition.Name, html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/Admin/Protocols\"", html, StringComparison.Ordinal); // in the admin navigation
    }

    [Fact]
    public async Task Admin_adds_a_protocol_that_is_then_listed()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var name = $"Oral KAP {Guid.NewGuid():N}"[..20];

        var response = await HtmlForms.PostAsync(admin, "/Admin/Protocols/Create", Fields(name, "Ketamine", "Oral", "Mg", "150", "300"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await admin.GetStringAsync("/Admin/Protocols");
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("150–300 mg", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_values_show_messages_beside_the_fields_and_keep_what_was_typed()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var response = await HtmlForms.PostAsync(admin, "/Admin/Protocols/Create",
            Fields("Kept protocol name", "Esketamine", "Intranasal", "Mg", "84", "56", monitoring: "60", vitals: "0", dosing: "0"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The highest dose cannot be below the lowest dose.", html, StringComparison.Ordinal);
        Assert.Contains("Esketamine needs at least 120 minutes of monitoring after the dose (Spravato REMS requirement).", html, StringComparison.Ordinal);
        Assert.Contains("Vital signs interval: 1 to 120 minutes.", html, StringComparison.Ordinal);
        Assert.Contains("A protocol needs at least 1 dosing session", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept protocol name\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"84\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_already_used_in_any_case_is_refused_beside_the_name()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var response = await HtmlForms.PostAsync(admin, "/Admin/Protocols/Create", Fields("iv KETAMINE series", "Ketamine", "Intravenous", "MgPerKg", "0.5", "0.8"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another protocol already has this name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_edits_a_protocol()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var (id, version) = await CreateAsync("Edit me");

        var response = await HtmlForms.PostAsync(admin, $"/Admin/Protocols/Edit/{id}",
            [.. Fields("Edited protocol", "Ketamine", "Intramuscular", "MgPerKg", "0.75", "1.25"), new("Input.Version", version)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ProtocolService>().GetAsync(id);
        Assert.Equal("Edited protocol", saved.Input.Name);
        Assert.Equal(1.25m, saved.Input.DoseMax);
    }

    [Fact]
    public async Task A_concurrent_edit_is_a_conflict_that_keeps_the_typed_values_and_shows_the_saved_ones()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var (id, staleVersion) = await CreateAsync("Contested protocol");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
            var other = (await protocols.GetAsync(id)).Input;
            other.Name = "Saved by the other admin";
            await protocols.UpdateAsync(id, other);
        }

        var response = await HtmlForms.PostAsync(admin, $"/Admin/Protocols/Edit/{id}",
            [.. Fields("My typed protocol", "Ketamine", "Intravenous", "MgPerKg", "0.5", "1"), new("Input.Version", staleVersion)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this protocol after you opened it.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"My typed protocol\"", html, StringComparison.Ordinal);
        Assert.Contains("Saved by the other admin", html, StringComparison.Ordinal);
        await using var check = App.Services.CreateAsyncScope();
        Assert.Equal("Saved by the other admin", (await check.ServiceProvider.GetRequiredService<ProtocolService>().GetAsync(id)).Input.Name);
    }

    [Fact]
    public async Task Retiring_hides_a_protocol_from_new_courses_and_reactivating_brings_it_back()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var (id, _) = await CreateAsync("Seasonal protocol");

        await HtmlForms.PostAsync(admin, $"/Admin/Protocols/Edit/{id}", [], $"/Admin/Protocols/Edit/{id}?handler=Retire");
        Assert.DoesNotContain(await ActiveNamesAsync(), n => n == "Seasonal protocol");
        Assert.Contains("Retired", await admin.GetStringAsync($"/Admin/Protocols/Edit/{id}"), StringComparison.Ordinal);

        await HtmlForms.PostAsync(admin, $"/Admin/Protocols/Edit/{id}", [], $"/Admin/Protocols/Edit/{id}?handler=Reactivate");
        Assert.Contains(await ActiveNamesAsync(), n => n == "Seasonal protocol");
    }

    [Fact]
    public async Task A_protocol_change_writes_one_audit_row()
    {
        var (id, _) = await CreateAsync("Audited protocol");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        Assert.Equal(["Protocol.Created"], await db.AuditEvents.Where(e => e.EntityId == id).Select(e => e.Action).ToListAsync());
    }

    private static List<KeyValuePair<string, string>> Fields(
        string name, string drug, string route, string unit, string min, string max,
        string monitoring = "60", string vitals = "15", string dosing = "6") =>
    [
        new("Input.Name", name), new("Input.Drug", drug), new("Input.Route", route), new("Input.DoseUnit", unit),
        new("Input.DoseMin", min), new("Input.DoseMax", max), new("Input.PlannedPreparationSessions", "1"),
        new("Input.PlannedDosingSessions", dosing), new("Input.PlannedIntegrationSessions", "6"),
        new("Input.MinimumMonitoringMinutes", monitoring), new("Input.VitalsIntervalMinutes", vitals),
    ];

    private async Task<(Guid Id, string Version)> CreateAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var input = ProtocolInput.From(DefaultProtocols.All[1].Definition, 0);
        input.Name = name;
        var id = await protocols.CreateAsync(input);
        return (id, (await protocols.GetAsync(id)).Input.Version.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<List<string>> ActiveNamesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<ProtocolService>().ListActiveAsync()).Select(p => p.Name)];
    }
}
