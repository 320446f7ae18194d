using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Patients;

public sealed class PatientSearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData("nunez")]
    [InlineData("NÚÑ")]
    [InlineData("núñez")]
    [InlineData("uñe")]
    [InlineData("camila nunez")]
    public async Task Name_search_ignores_case_and_accents_and_matches_parts(string term)
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "Camila", "Núñez");

        var html = await TestPatients.SearchAsync(client, ("Query.Name", term));

        Assert.Contains(id, TestPatients.ListedIds(html));
    }

    [Fact]
    public async Task Name_search_matches_the_preferred_name_too()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "Alexandra", "Prefersky", p => p.PreferredName = "Sasha");
        var other = await TestPatients.CreateAsync(App, "Alexandra", "Prefersky");

        var listed = TestPatients.ListedIds(await TestPatients.SearchAsync(client, ("Query.Name", "sasha prefersky")));

        Assert.Contains(id, listed);
        Assert.DoesNotContain(other, listed);
    }

    [Fact]
    public async Task Like_wildcards_in_the_name_are_searched_literally()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var underscore = await TestPatients.CreateAsync(App, "Wild", "Car_dd");
        var letter = await TestPatients.CreateAsync(App, "Wild", "Carxdd");

        var underscoreSearch = TestPatients.ListedIds(await TestPatients.SearchAsync(client, ("Query.Name", "car_d")));
        var percentHtml = await TestPatients.SearchAsync(client, ("Query.Name", "%"));

        Assert.Equal([underscore], underscoreSearch);
        Assert.DoesNotContain(letter, underscoreSearch);
        Assert.Empty(TestPatients.ListedIds(percentHtml));
        Assert.Contains("No patients match this search.", percentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mrn_search_finds_by_exact_mrn_by_prefix_in_any_case_and_by_number()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var id = await TestPatients.CreateAsync(App, "Mrn", "Finder");
        var mrn = (await TestPatients.LoadAsync(App, id)).Mrn;

        foreach (var term in new[] { mrn, mrn.ToLowerInvariant(), mrn[..^1], mrn[..^3].ToLowerInvariant(), mrn[4..].TrimStart('0') })
        {
            Assert.Contains(id, TestPatients.ListedIds(await TestPatients.SearchAsync(client, ("Query.Mrn", term))));
        }
    }

    [Fact]
    public async Task Date_of_birth_status_and_clinician_filters_combine()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var match = await TestPatients.CreateAsync(App, "Filter", "Match", p =>
        {
            p.DateOfBirth = new DateOnly(1971, 3, 9);
            p.PrimaryClinicianId = clinicianId;
        });
        var otherDate = await TestPatients.CreateAsync(App, "Filter", "OtherDate", p => p.PrimaryClinicianId = clinicianId);
        var otherClinician = await TestPatients.CreateAsync(App, "Filter", "NoClinician", p => p.DateOfBirth = new DateOnly(1971, 3, 9));
        var version = (await TestPatients.LoadAsync(App, match)).Version;
        await TestPatients.WithRegistryAsync(App, async r => { await r.MoveStatusAsync(match, PatientStatus.Screening, version); return 0; });

        var listed = TestPatients.ListedIds(await TestPatients.SearchAsync(client,
            ("Query.DateOfBirth", "1971-03-09"), ("Query.Status", "Screening"), ("Query.PrimaryClinicianId", clinicianId.ToString())));

        Assert.Equal([match], listed);
        Assert.DoesNotContain(otherDate, listed);
        Assert.DoesNotContain(otherClinician, listed);
    }

    [Fact]
    public async Task An_archived_patient_is_absent_from_search_but_an_admin_finds_them_among_the_archived()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var archived = await TestPatients.CreateAsync(App, "Hidden", "Archivedperson");
        var kept = await TestPatients.CreateAsync(App, "Shown", "Archivedperson");
        await TestPatients.WithRegistryAsync(App, async r => { await r.ArchiveAsync(archived); return 0; });

        var clinicianList = TestPatients.ListedIds(await TestPatients.SearchAsync(clinician, ("Query.Name", "archivedperson")));
        var clinicianAsksForArchived = TestPatients.ListedIds(await TestPatients.SearchAsync(clinician,
            ("Query.Name", "archivedperson"), ("Query.ArchivedOnly", "true")));
        var adminDefault = TestPatients.ListedIds(await TestPatients.SearchAsync(admin, ("Query.Name", "archivedperson")));
        var adminArchivedHtml = await TestPatients.SearchAsync(admin, ("Query.Name", "archivedperson"), ("Query.ArchivedOnly", "true"));

        Assert.Equal([kept], clinicianList);
        Assert.Equal([kept], clinicianAsksForArchived); // the flag is for Admins only
        Assert.Equal([kept], adminDefault);
        Assert.Equal([archived], TestPatients.ListedIds(adminArchivedHtml));
        Assert.NotNull(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(adminArchivedHtml)
            .QuerySelector($"form[action*='handler=Restore'][action*='{archived}'] button"));
    }

    [Fact]
    public async Task The_list_sorts_by_a_heading_and_reverses_when_pressed_again()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var young = await TestPatients.CreateAsync(App, "Young", "Sortable", p => p.DateOfBirth = new DateOnly(2000, 1, 1));
        var old = await TestPatients.CreateAsync(App, "Old", "Sortable", p => p.DateOfBirth = new DateOnly(1950, 1, 1));

        var ascending = TestPatients.ListedIds(await TestPatients.SearchAsync(client,
            ("Query.Name", "sortable"), ("Query.Sort", "Name"), ("sortBy", "DateOfBirth")));
        var descending = TestPatients.ListedIds(await TestPatients.SearchAsync(client,
            ("Query.Name", "sortable"), ("Query.Sort", "DateOfBirth"), ("Query.Descending", "false"), ("sortBy", "DateOfBirth")));

        Assert.Equal([old, young], ascending);
        Assert.Equal([young, old], descending);
    }

    [Fact]
    public async Task The_list_pages_by_25_and_paging_keeps_the_criteria()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await TestPatients.AddManyAsync(App, 30, clinicianId: null, lastName: "Pagedperson");

        var first = await TestPatients.SearchAsync(client, ("Query.Name", "pagedperson"));
        var second = await TestPatients.SearchAsync(client, ("Query.Name", "pagedperson"), ("Query.Page", "1"), ("goToPage", "2"));

        Assert.Equal(25, TestPatients.ListedIds(first).Count);
        Assert.Equal("Showing 1–25 of 30 patients", TestPatients.TextOf(first, "#result-count"));
        Assert.Equal("Showing 26–30 of 30 patients", TestPatients.TextOf(second, "#result-count"));
        Assert.Equal(5, TestPatients.ListedIds(second).Count);
        Assert.Empty(TestPatients.ListedIds(first).Intersect(TestPatients.ListedIds(second)));
        Assert.Equal("pagedperson", TestPatients.ValueOf(second, "#Query_Name"));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page_with_the_right_total()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await TestPatients.AddManyAsync(App, 27, clinicianId: null, lastName: "Pastendperson");

        var past = await TestPatients.SearchAsync(client, ("Query.Name", "pastendperson"), ("Query.Page", "1"), ("goToPage", "9"));

        Assert.Equal("Showing 26–27 of 27 patients", TestPatients.TextOf(past, "#result-count"));
        Assert.Equal(2, TestPatients.ListedIds(past).Count);
    }

    [Fact]
    public async Task A_search_is_audited_without_its_terms()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        await TestPatients.SearchAsync(client, ("Query.Name", "Secretname"), ("Query.DateOfBirth", "1980-02-03"));

        await using var scope = App.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents
            .Where(e => e.UserId == userId && e.Action == AuditActions.PatientSearched)
            .OrderBy(e => e.OccurredAt).Select(e => e.Detail).ToListAsync();
        Assert.Equal(2, rows.Count); // the list shown on GET, then the search
        Assert.Contains("name, date of birth", rows[1], StringComparison.Ordinal);
        Assert.All(rows, d => Assert.DoesNotContain("Secretname", d, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, d => Assert.DoesNotContain("1980", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_search_says_what_to_do_next()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var html = await TestPatients.SearchAsync(client, ("Query.Name", "Nobodyhasthisname"));

        Assert.Contains("No patients match this search.", html, StringComparison.Ordinal);
        Assert.Contains("Register a patient", html, StringComparison.Ordinal);
    }
}
