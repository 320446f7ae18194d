using System.Net;
using System.Text.RegularExpressions;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Patients;

public sealed partial class PatientRegistryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_clinician_registers_a_patient_who_gets_an_mrn_and_starts_as_referred()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var input = TestPatients.Input("Ingrid", "Bergström", p =>
        {
            p.PreferredName = "Inga";
            p.PrimaryClinicianId = clinicianId;
            p.HeightCm = 172.5m;
        });

        var response = await HtmlForms.PostAsync(client, "/Patients/Create", TestPatients.Fields(input));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.ToString()["/Patients/".Length..]);
        var patient = await TestPatients.LoadAsync(App, id);
        Assert.Matches(MrnPattern(), patient.Mrn);
        Assert.Equal(PatientStatus.Referred, patient.Status);
        Assert.Equal("Inga (Ingrid) Bergström", patient.DisplayName);
        Assert.Equal(clinicianId, patient.PrimaryClinicianId);
        Assert.Equal(172.5m, patient.HeightCm);
    }

    [Fact]
    public async Task Mrns_are_kap_and_six_digits_unique_and_in_order()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await TestPatients.CreateAsync(App, "Mrn", $"Order{i}"));
        }

        var mrns = new List<string>();
        foreach (var id in ids)
        {
            mrns.Add((await TestPatients.LoadAsync(App, id)).Mrn);
        }

        Assert.All(mrns, mrn => Assert.Matches(MrnPattern(), mrn));
        Assert.Equal(3, mrns.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(mrns.Order(StringComparer.Ordinal), mrns);
    }

    [Fact]
    public async Task A_clinician_edits_a_patient_and_the_change_is_audited_by_field_name()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "Edit", "Me");
        var page = await client.GetStringAsync($"/Patients/Edit/{id}");
        var version = uint.Parse(TestPatients.ValueOf(page, "input[name='Input.Version']")!, System.Globalization.CultureInfo.InvariantCulture);
        var input = TestPatients.Input("Edit", "Me", p =>
        {
            p.Phone = "+1 (555) 999-0000";
            p.Version = version;
        });

        var response = await HtmlForms.PostAsync(client, $"/Patients/Edit/{id}", TestPatients.Fields(input));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("+1 (555) 999-0000", (await TestPatients.LoadAsync(App, id)).Phone);
        var rows = await AuditRowsAsync(id);
        var created = Assert.Single(rows, r => r.Action == "Patient.Created");
        Assert.Null(created.UserId); // created by the test, outside any request
        var updated = Assert.Single(rows, r => r.Action == "Patient.Updated");
        Assert.Equal(clinicianId, updated.UserId);
        Assert.Equal(id, updated.PatientId);
        Assert.Contains("Phone", updated.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("999", updated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_through_the_page_writes_a_created_audit_row_for_the_user()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var response = await HtmlForms.PostAsync(client, "/Patients/Create", TestPatients.Fields(TestPatients.Input("Audit", "Created")));

        var id = Guid.Parse(response.Headers.Location!.ToString()["/Patients/".Length..]);
        var row = Assert.Single(await AuditRowsAsync(id), r => r.Action == "Patient.Created");
        Assert.Equal(clinicianId, row.UserId);
        Assert.Equal(id, row.PatientId);
    }

    [Fact]
    public async Task Each_view_of_the_edit_page_writes_a_viewed_audit_row()
    {
        var (client, staffId) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var id = await TestPatients.CreateAsync(App, "Viewed", "Twice");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Patients/Edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Patients/Edit/{id}")).StatusCode);

        var views = (await AuditRowsAsync(id)).Where(r => r.Action == AuditActions.PatientViewed).ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(staffId, v.UserId));
    }

    [Fact]
    public async Task An_unknown_patient_is_a_404()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Patients/Edit/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Only_an_active_clinician_can_be_the_primary_clinician()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var staffId = await TestUsers.CreateAsync(App, ClinicRoles.Staff);

        var response = await HtmlForms.PostAsync(client, "/Patients/Create",
            TestPatients.Fields(TestPatients.Input("Wrong", "Clinician", p => p.PrimaryClinicianId = staffId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Choose an active clinician from the list", TestPatients.TextOf(html, "#Input_PrimaryClinicianId-error"), StringComparison.Ordinal);
        Assert.Equal("Wrong", TestPatients.ValueOf(html, "#Input_LegalFirstName"));
    }

    [Fact]
    public async Task An_admin_archives_and_restores_a_patient_and_nothing_is_deleted()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var id = await TestPatients.CreateAsync(App, "Archie", "Vault");

        var archive = await HtmlForms.PostAsync(admin, $"/Patients/Edit/{id}", [], $"/Patients/Edit/{id}?handler=Archive");
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        var archived = await TestPatients.LoadAsync(App, id);
        Assert.True(archived.IsArchived);
        Assert.NotNull(archived.ArchivedAt);

        var restore = await HtmlForms.PostAsync(admin, "/Patients", [], $"/Patients?handler=Restore&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.False((await TestPatients.LoadAsync(App, id)).IsArchived);
        var actions = (await AuditRowsAsync(id)).Select(r => r.Action).ToList();
        Assert.Equal(2, actions.Count(a => a == "Patient.Updated")); // archive, restore
    }

    [Theory]
    [InlineData(ClinicRoles.Clinician)]
    [InlineData(ClinicRoles.Staff)]
    public async Task Only_an_admin_may_archive_or_restore(string role)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, role);
        var id = await TestPatients.CreateAsync(App, "Not", "Yours");

        var archive = await HtmlForms.PostAsync(client, $"/Patients/Edit/{id}", [], $"/Patients/Edit/{id}?handler=Archive");
        var restore = await HtmlForms.PostAsync(client, "/Patients", [], $"/Patients?handler=Restore&id={id}");

        Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        Assert.False((await TestPatients.LoadAsync(App, id)).IsArchived);
        Assert.DoesNotContain("Archive patient", await client.GetStringAsync($"/Patients/Edit/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archived_patient_cannot_be_edited_until_restored()
    {
        var id = await TestPatients.CreateAsync(App, "Frozen", "Record");
        await TestPatients.WithRegistryAsync(App, async r => { await r.ArchiveAsync(id); return 0; });
        var version = (await TestPatients.LoadAsync(App, id)).Version;

        var error = await Assert.ThrowsAsync<KapClinic.Core.Common.RuleViolationException>(() => TestPatients.WithRegistryAsync(
            App, async r => { await r.UpdateAsync(id, TestPatients.Input("Frozen", "Changed", p => p.Version = version)); return 0; }));

        Assert.Contains("archived", error.Message, StringComparison.Ordinal);
        Assert.Equal("Record", (await TestPatients.LoadAsync(App, id)).LegalLastName);
    }

    [Fact]
    public async Task A_name_with_markup_is_shown_as_text()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "<script>alert(1)</script>", "Xss");

        var list = await TestPatients.SearchAsync(client, ("Query.Name", "xss"));
        var edit = await client.GetStringAsync($"/Patients/Edit/{id}");

        foreach (var html in new[] { list, edit })
        {
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_see_the_patients_page_and_the_navigation_link()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var html = await client.GetStringAsync("/Patients");

        Assert.Contains("Register a patient", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Patients\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private async Task<List<AuditRow>> AuditRowsAsync(Guid patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents
            .Where(e => e.EntityId == patientId)
            .OrderBy(e => e.OccurredAt)
            .Select(e => new AuditRow(e.Action, e.UserId, e.PatientId, e.Detail))
            .ToListAsync();
    }

    [GeneratedRegex("^KAP-[0-9]{6}$")]
    private static partial Regex MrnPattern();

    private sealed record AuditRow(string Action, Guid? UserId, Guid? PatientId, string? Detail);
}
