using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Scheduling;

/// <summary>The front desk schedules a whole course, sees a clash explained, takes the free time offered, and books it all.</summary>
public sealed class CoursePlanJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public async Task Staff_schedule_a_course_see_a_clash_explained_take_the_free_time_offered_and_book_every_session()
    {
        // A Monday at least a week ahead; the proposal's third dose is the Thursday of the following week.
        var today = ClinicTimes.DateOf(DateTimeOffset.UtcNow, Zone);
        var start = today.AddDays(7);
        while (start.DayOfWeek != DayOfWeek.Monday)
        {
            start = start.AddDays(1);
        }

        var thirdDose = start.AddDays(10);
        var (patientId, _, clinicianEmail) = await ArrangeAsync(start, thirdDose);
        var email = $"staff-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Staff, email, name: "Sam Desk");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Find the patient by name (posted, not in the URL) and open their course's plan.
        await page.GetByRole(AriaRole.Link, new() { Name = "Book an appointment" }).ClickAsync();
        await page.GetByLabel("Patient", new() { Exact = true }).FillAsync("hollis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "booking-01-patient-search");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose Marguerite Hollis" }).ClickAsync();
        Assert.DoesNotContain("hollis", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.GetByTestId("booking-patient")).ToHaveTextAsync("Marguerite Hollis");
        await BrowserFixture.ScreenshotAsync(page, "booking-02-form");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule the whole course: IV ketamine series" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Propose the series" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-conflicts")).ToContainTextAsync("1 session clashes with other appointments");
        await Assertions.Expect(page.GetByText("Dosing room 1 is already booked from 08:00 to 10:00")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "plan-01-proposal-with-clash");

        await page.GetByRole(AriaRole.Button, new() { Name = "for Dosing 3 of 6" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-conflicts")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Start of Dosing 3 of 6")).ToHaveValueAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book all 13 sessions" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Booked all 13 sessions of the course.");
        await Assertions.Expect(page.GetByText("Already booked (13)")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "plan-02-booked");

        await page.Locator(".plan-booked a").Nth(3).ClickAsync();
        await Assertions.Expect(page.GetByTestId("appointment-status")).ToHaveTextAsync("Booked");
        await BrowserFixture.ScreenshotAsync(page, "appointment-01-details");
        Assert.NotEqual(Guid.Empty, patientId);

        // The clinician's own day shows what the front desk booked: the third dose moved to 10:00.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(clinicianEmail);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(); // signed in (password and code) before moving on
        await page.GotoAsync($"/Schedule/MyDay?date={thirdDose:yyyy-MM-dd}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Marguerite Hollis");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("10:00");
        await BrowserFixture.ScreenshotAsync(page, "plan-03-clinicians-day");
    }

    private async Task<(Guid Patient, Guid Course, string ClinicianEmail)> ArrangeAsync(DateOnly start, DateOnly thirdDose)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var now = DateTimeOffset.UtcNow;
        var clinicianEmail = $"md-{Guid.NewGuid():N}@clinic.test";
        var clinician = await users.CreateAsync(new NewUserInput
        {
            Email = clinicianEmail, DisplayName = "Dr. Ada Monroe", Credentials = "MD", Password = TestUsers.Password,
            IsClinician = true, IsPrescriber = true,
        });
        var other = await users.CreateAsync(new NewUserInput
        {
            Email = $"rn-{Guid.NewGuid():N}@clinic.test", DisplayName = "Zoe Other", Credentials = "RN", Password = TestUsers.Password, IsClinician = true,
        });
        var dosingRoom = new Room("Dosing room 1", RoomKind.DosingRoom, now);
        db.Rooms.AddRange(dosingRoom, new Room("Therapy room A", RoomKind.TherapyRoom, now));
        var patient = NewPatient("Marguerite", "Hollis", clinician, now, "KAP-900101");
        var busy = NewPatient("Other", "Person", other, now, "KAP-900102");
        db.Patients.AddRange(patient, busy);
        var course = new TreatmentCourse(patient.Id, DefaultProtocols.IvKetamineId, start, clinician, now);
        db.TreatmentCourses.Add(course);
        db.Appointments.Add(new Appointment(
            busy.Id, AppointmentType.Dosing, other, clinician, dosingRoom.Id,
            ClinicTimes.ToUtc(thirdDose, new TimeOnly(8, 0), Zone), ClinicTimes.ToUtc(thirdDose, new TimeOnly(10, 0), Zone), null, other, now));
        await db.SaveChangesAsync();
        return (patient.Id, course.Id, clinicianEmail);
    }

    private static Patient NewPatient(string first, string last, Guid clinician, DateTimeOffset now, string mrn)
    {
        var patient = new Patient(
            new PatientDetails(first, last, null, new DateOnly(1981, 2, 3), SexAtBirth.Female, null, null, null, null,
                PostalAddress.Empty, EmergencyContact.Empty, clinician, null, null),
            now);
        patient.MoveTo(PatientStatus.Screening);
        patient.MoveTo(PatientStatus.Eligible);
        typeof(Patient).GetProperty(nameof(Patient.Mrn))!.SetValue(patient, mrn); // see PatientSeed in the Web tests
        return patient;
    }
}
