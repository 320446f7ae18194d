using System.Globalization;
using System.Net;
using KapClinic.Core.Common;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Patients;

/// <summary>Bad input on the registry forms: messages beside fields, typed input kept; status moves; concurrent edits.</summary>
public sealed class PatientFormTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    // The clinic's date, not UTC's: between UTC midnight and the clinic's they differ (the default zone is New York).
    private static string Today => ClinicCalendar.Today(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(ClinicSettings.DefaultTimeZoneId))
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_date_of_birth_in_the_future_is_refused_beside_the_field_and_the_typed_input_is_kept()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var fields = TestPatients.Fields(TestPatients.Input("Kept", "Typed"));
        fields.RemoveAll(f => f.Key == "Input.DateOfBirth");
        fields.Add(new("Input.DateOfBirth", "2999-01-01"));

        var html = await PostCreateExpectingFormAsync(client, fields);

        Assert.Equal("The date of birth cannot be in the future.", TestPatients.TextOf(html, "#Input_DateOfBirth-error"));
        Assert.Equal("2999-01-01", TestPatients.ValueOf(html, "#Input_DateOfBirth"));
        Assert.Equal("Kept", TestPatients.ValueOf(html, "#Input_LegalFirstName"));
        Assert.Equal("555 010 2345", TestPatients.ValueOf(html, "#Input_Phone"));
    }

    [Fact]
    public async Task A_patient_under_18_is_refused_with_the_minimum_age()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var seventeen = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-17).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = TestPatients.Fields(TestPatients.Input("Too", "Young"));
        fields.RemoveAll(f => f.Key == "Input.DateOfBirth");
        fields.Add(new("Input.DateOfBirth", seventeen));

        var html = await PostCreateExpectingFormAsync(client, fields);

        Assert.Equal("The patient must be at least 18 years old (the clinic's minimum age).", TestPatients.TextOf(html, "#Input_DateOfBirth-error"));
        Assert.Equal(seventeen, TestPatients.ValueOf(html, "#Input_DateOfBirth"));
    }

    [Fact]
    public async Task Malformed_email_and_phones_are_refused_beside_their_fields()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var fields = TestPatients.Fields(TestPatients.Input("Bad", "Contact", p =>
        {
            p.Email = "not-an-email";
            p.Phone = "call me maybe";
        }));
        fields.Add(new("Input.EmergencyContactName", "Sam"));
        fields.Add(new("Input.EmergencyContactPhone", "12"));

        var html = await PostCreateExpectingFormAsync(client, fields);

        Assert.Equal("Enter a valid email address, like name@example.org, or leave it empty.", TestPatients.TextOf(html, "#Input_Email-error"));
        Assert.StartsWith("The phone number may contain digits, spaces", TestPatients.TextOf(html, "#Input_Phone-error"), StringComparison.Ordinal);
        Assert.StartsWith("The emergency contact's phone may contain", TestPatients.TextOf(html, "#Input_EmergencyContactPhone-error"), StringComparison.Ordinal);
        Assert.Equal("not-an-email", TestPatients.ValueOf(html, "#Input_Email"));
        Assert.Equal("call me maybe", TestPatients.ValueOf(html, "#Input_Phone"));
    }

    [Fact]
    public async Task Missing_required_fields_get_the_rules_messages()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var html = await PostCreateExpectingFormAsync(client, [new("Input.LegalFirstName", "Only"), new("Input.LegalLastName", string.Empty)]);

        Assert.Equal("Enter the legal last name, as on an ID document.", TestPatients.TextOf(html, "#Input_LegalLastName-error"));
        Assert.Equal("Enter the date of birth.", TestPatients.TextOf(html, "#Input_DateOfBirth-error"));
        Assert.Equal("Choose the sex assigned at birth (Unknown is allowed).", TestPatients.TextOf(html, "#Input_SexAtBirth-error"));
        Assert.Equal("Only", TestPatients.ValueOf(html, "#Input_LegalFirstName"));
    }

    [Fact]
    public async Task A_height_that_is_not_a_number_is_refused_not_dropped()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var fields = TestPatients.Fields(TestPatients.Input("Tall", "Typo"));
        fields.RemoveAll(f => f.Key == "Input.HeightCm");
        fields.Add(new("Input.HeightCm", "1.7m"));

        var html = await PostCreateExpectingFormAsync(client, fields);

        Assert.Equal("Enter the height as a number of centimetres, like 172.5.", TestPatients.TextOf(html, "#Input_HeightCm-error"));
        Assert.Equal("1.7m", TestPatients.ValueOf(html, "#Input_HeightCm"));
    }

    [Fact]
    public async Task An_allowed_status_move_is_saved_and_audited()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "Moving", "On");
        var version = (await TestPatients.LoadAsync(App, id)).Version;

        var response = await HtmlForms.PostAsync(client, $"/Patients/Edit/{id}",
            [new("next", "Screening"), new("version", version.ToString(CultureInfo.InvariantCulture))], $"/Patients/Edit/{id}?handler=Move");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PatientStatus.Screening, (await TestPatients.LoadAsync(App, id)).Status);
        var page = await client.GetStringAsync($"/Patients/Edit/{id}");
        Assert.Contains("Move to Eligible", page, StringComparison.Ordinal);
        Assert.Contains("Move to Ineligible", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_move_that_is_not_allowed_is_refused_beside_the_status_naming_the_allowed_ones()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "Jumping", "Ahead");
        var version = (await TestPatients.LoadAsync(App, id)).Version;

        var response = await HtmlForms.PostAsync(client, $"/Patients/Edit/{id}",
            [new("next", "Active"), new("version", version.ToString(CultureInfo.InvariantCulture))], $"/Patients/Edit/{id}?handler=Move");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("A patient who is Referred can move only to Screening, not to Active.", TestPatients.TextOf(html, "#status-error"));
        Assert.Equal(PatientStatus.Referred, (await TestPatients.LoadAsync(App, id)).Status);
    }

    [Fact]
    public async Task The_registry_refuses_a_move_out_of_ineligible()
    {
        var id = await TestPatients.CreateAsync(App, "Not", "Eligible");
        foreach (var next in new[] { PatientStatus.Screening, PatientStatus.Ineligible })
        {
            var version = (await TestPatients.LoadAsync(App, id)).Version;
            await TestPatients.WithRegistryAsync(App, async r => { await r.MoveStatusAsync(id, next, version); return 0; });
        }

        var stale = (await TestPatients.LoadAsync(App, id)).Version;
        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            TestPatients.WithRegistryAsync(App, async r => { await r.MoveStatusAsync(id, PatientStatus.Screening, stale); return 0; }));

        Assert.Equal("Status", error.Field);
        Assert.Equal("A patient who is Ineligible cannot move to another status.", error.Message);
    }

    [Fact]
    public async Task A_concurrent_edit_shows_the_second_user_a_conflict_and_loses_neither_users_input()
    {
        var (second, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "Shared", "Record");
        var openedVersion = (await TestPatients.LoadAsync(App, id)).Version;

        // The first user saves a new phone number while the second still has the form open.
        await TestPatients.WithRegistryAsync(App, async r =>
        {
            await r.UpdateAsync(id, TestPatients.Input("Shared", "Record", p =>
            {
                p.Phone = "+1 555 111 2222";
                p.Version = openedVersion;
            }));
            return 0;
        });

        var typed = TestPatients.Input("Shared", "Record", p =>
        {
            p.Email = "second.user@example.org";
            p.Version = openedVersion;
        });
        var response = await HtmlForms.PostAsync(second, $"/Patients/Edit/{id}", TestPatients.Fields(typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone else saved changes to this patient after you opened the page.", html, StringComparison.Ordinal);
        Assert.Equal("second.user@example.org", TestPatients.ValueOf(html, "#Input_Email")); // the second user's typing
        Assert.Contains("Phone: +1 555 111 2222", TestPatients.TextOf(html, ".alert-warning ul"), StringComparison.Ordinal); // the first user's save
        var saved = await TestPatients.LoadAsync(App, id);
        Assert.Equal("+1 555 111 2222", saved.Phone);
        Assert.Equal("patient@example.org", saved.Email);

        // Saving again applies the second user's form over the first user's save.
        var newVersion = TestPatients.ValueOf(html, "input[name='Input.Version']")!;
        Assert.Equal(saved.Version.ToString(CultureInfo.InvariantCulture), newVersion);
        var fields = TestPatients.Fields(typed);
        fields.RemoveAll(f => f.Key == "Input.Version");
        fields.Add(new("Input.Version", newVersion));
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(second, $"/Patients/Edit/{id}", fields)).StatusCode);
        Assert.Equal("second.user@example.org", (await TestPatients.LoadAsync(App, id)).Email);
    }

    [Fact]
    public async Task A_status_move_on_a_stale_page_is_refused_as_a_conflict()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var id = await TestPatients.CreateAsync(App, "Stale", "Mover");
        var stale = (await TestPatients.LoadAsync(App, id)).Version;
        await TestPatients.WithRegistryAsync(App, async r => { await r.MoveStatusAsync(id, PatientStatus.Screening, stale); return 0; });

        var response = await HtmlForms.PostAsync(client, $"/Patients/Edit/{id}",
            [new("next", "Screening"), new("version", stale.ToString(CultureInfo.InvariantCulture))], $"/Patients/Edit/{id}?handler=Move");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this patient", TestPatients.TextOf(html, "#status-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validator_uses_the_clinic_date_so_a_birth_today_is_not_in_the_future()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var fields = TestPatients.Fields(TestPatients.Input("Born", "Today"));
        fields.RemoveAll(f => f.Key == "Input.DateOfBirth");
        fields.Add(new("Input.DateOfBirth", Today));

        var html = await PostCreateExpectingFormAsync(client, fields);

        // Not "in the future": the only complaint is the age.
        Assert.Equal("The patient must be at least 18 years old (the clinic's minimum age).", TestPatients.TextOf(html, "#Input_DateOfBirth-error"));
    }

    private static async Task<string> PostCreateExpectingFormAsync(HttpClient client, List<KeyValuePair<string, string>> fields)
    {
        var response = await HtmlForms.PostAsync(client, "/Patients/Create", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
