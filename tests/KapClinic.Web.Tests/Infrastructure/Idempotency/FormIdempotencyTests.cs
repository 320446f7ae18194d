using System.Net;
using System.Text.RegularExpressions;
using KapClinic.Core.Auditing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Idempotency;
using KapClinic.Web.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;
using PatientForms = KapClinic.Web.Tests.Patients.TestPatients;

namespace KapClinic.Web.Tests.Infrastructure.Idempotency;

/// <summary>
/// A double-clicked or retried submit of one rendered form is applied once (issue 11): the patient registry and the
/// booking form, posted through the real pages.
/// </summary>
public sealed partial class FormIdempotencyTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private const string CreatePatient = "/Patients/Create";
    private const string NewAppointment = "/Schedule/Appointments/New";

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_patient_search_form_only_reads_so_it_carries_no_key_and_a_search_writes_no_key()
    {
        var (client, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var html = await client.GetStringAsync("/Patients");
        var searchForm = html[html.IndexOf("id=\"patient-search\"", StringComparison.Ordinal)..];
        searchForm = searchForm[..searchForm.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.DoesNotMatch(KeyPattern(), searchForm);
        Assert.DoesNotContain("kap-read-only", html, StringComparison.Ordinal);

        using var response = await HtmlForms.PostAsync(client, "/Patients", new Dictionary<string, string> { ["Query.Name"] = "nobody" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await WithDbAsync(App, db => db.IdempotencyKeys.AnyAsync(k => k.UserId == userId && k.Path == "/Patients")));
        Assert.True(await WithDbAsync(App, db => db.AuditEvents.AnyAsync(e => e.UserId == userId && e.Action == AuditActions.PatientSearched))); // still audited
    }

    [Fact]
    public async Task Every_post_form_on_a_page_carries_its_own_idempotency_key_and_get_forms_carry_none()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var html = await client.GetStringAsync(CreatePatient);

        var keys = KeyPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(keys.Count >= 2, "The page's form and the sign-out form should both carry a key.");
        Assert.Equal(PostFormPattern().Count(html), keys.Count);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.True(Guid.TryParse(k, out _)));
        var schedule = await client.GetStringAsync("/Schedule/MyDay"); // a GET form (the date) and the sign-out form
        Assert.Contains("method=\"get\"", schedule, StringComparison.Ordinal);
        Assert.Equal(PostFormPattern().Count(schedule), KeyPattern().Count(schedule));
    }

    [Fact]
    public async Task Posting_the_same_rendered_patient_form_twice_registers_one_patient_and_both_answers_lead_to_its_chart()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var form = await HtmlForms.RenderAsync(client, CreatePatient);

        var responses = await IdempotentPosts.TwiceAsync(client, form, PatientForms.Fields(PatientForms.Input("Twice", "Clicked")));

        var chart = IdempotentPosts.AssertAllRedirectToOnePlace(responses);
        Assert.Equal(1, await PatientsNamedAsync("Clicked"));
        var replayed = WebUtility.HtmlDecode(await client.GetStringAsync(chart));
        Assert.Contains(IdempotencyFilter.AlreadySavedMessage, replayed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_posts_of_one_rendered_patient_form_register_one_patient_and_none_gets_an_error()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var form = await HtmlForms.RenderAsync(client, CreatePatient);

        var responses = await IdempotentPosts.AtOnceAsync(client, form, PatientForms.Fields(PatientForms.Input("AtOnce", "Impatient")));

        var chart = IdempotentPosts.AssertAllRedirectToOnePlace(responses);
        Assert.Equal(1, await PatientsNamedAsync("Impatient"));
        Assert.Matches("^/Patients/[0-9a-f-]{36}$", chart);
    }

    [Fact]
    public async Task A_new_rendering_of_the_form_is_a_new_submission_and_registers_a_second_patient()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var fields = PatientForms.Fields(PatientForms.Input("Really", "Twins"));

        var first = await HtmlForms.PostAsync(client, CreatePatient, fields);
        var second = await HtmlForms.PostAsync(client, CreatePatient, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await PatientsNamedAsync("Twins"));
    }

    [Fact]
    public async Task A_key_is_scoped_to_its_user_so_another_users_post_with_it_is_their_own_submission_and_learns_nothing()
    {
        var (alice, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var (bob, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var aliceForm = await HtmlForms.RenderAsync(alice, CreatePatient);
        var bobForm = await HtmlForms.RenderAsync(bob, CreatePatient) with { IdempotencyKey = aliceForm.IdempotencyKey };

        var aliceAnswer = await HtmlForms.PostRenderedAsync(alice, aliceForm, PatientForms.Fields(PatientForms.Input("Alice", "Keyshare")));
        var bobAnswer = await HtmlForms.PostRenderedAsync(bob, bobForm, PatientForms.Fields(PatientForms.Input("Bob", "Keyshare")));

        Assert.Equal(HttpStatusCode.Redirect, bobAnswer.StatusCode);
        Assert.NotEqual(aliceAnswer.Headers.Location, bobAnswer.Headers.Location);
        Assert.Equal(2, await PatientsNamedAsync("Keyshare"));
        Assert.DoesNotContain(IdempotencyFilter.AlreadySavedMessage, WebUtility.HtmlDecode(await bob.GetStringAsync(bobAnswer.Headers.Location!.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Booking_from_one_rendered_form_twice_books_once_and_the_second_answer_is_not_a_slot_taken_refusal()
    {
        var room = await RoomAsync(App, "Dosing room Twice");
        var patient = await PatientAsync(App, "Booked", "Twice");
        var clinician = await ClinicianAsync(App);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var form = await HtmlForms.RenderAsync(staff, NewAppointment);
        var fields = BookingFields(patient, clinician, room, new DateOnly(2027, 2, 18), "09:00", "10:00");

        var sequential = await IdempotentPosts.TwiceAsync(staff, form, fields);

        var landing = IdempotentPosts.AssertAllRedirectToOnePlace(sequential);
        Assert.Single(await AppointmentsOfAsync(App, patient));
        Assert.Contains(IdempotencyFilter.AlreadySavedMessage, WebUtility.HtmlDecode(await staff.GetStringAsync(landing)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_bookings_from_one_rendered_form_book_once_and_every_answer_leads_to_the_booking()
    {
        var room = await RoomAsync(App, "Dosing room AtOnce");
        var patient = await PatientAsync(App, "Booked", "AtOnce");
        var clinician = await ClinicianAsync(App);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var form = await HtmlForms.RenderAsync(staff, NewAppointment);

        var responses = await IdempotentPosts.AtOnceAsync(staff, form, BookingFields(patient, clinician, room, new DateOnly(2027, 2, 18), "13:00", "14:00"));

        IdempotentPosts.AssertAllRedirectToOnePlace(responses);
        Assert.Single(await AppointmentsOfAsync(App, patient));
    }

    private Task<int> PatientsNamedAsync(string lastName) =>
        WithDbAsync(App, db => db.Patients.CountAsync(p => p.LegalLastName == lastName));

    [GeneratedRegex("name=\"__IdempotencyKey\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<form[^>]*method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex PostFormPattern();
}
