using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests.Scheduling;

/// <summary>
/// An Admin adds a room and a clinician's hours; the front desk books, meets a clash, takes a free time offered,
/// then cancels a dosing session and gives its slot to a patient on the waitlist.
/// </summary>
public sealed class BookingJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public async Task Rooms_and_hours_are_set_up_a_clash_is_resolved_and_a_cancelled_slot_goes_to_the_waitlist()
    {
        var monday = ClinicTimes.DateOf(DateTimeOffset.UtcNow, Zone).AddDays(7);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var clinician = await TestUsers.CreateAsync(fixture.Factory, ClinicRoles.Clinician, prescriber: true, name: "Dr. Ines Park");
        var (first, second, waiting) = await PatientsAsync();
        var page = await SignInAsync(ClinicRoles.Admin);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.GotoAsync("/Schedule/Rooms");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Dosing room 1");
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Dosing room" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add room" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Added Dosing room 1.");
        await BrowserFixture.ScreenshotAsync(page, "rooms-01-added");

        await page.GotoAsync($"/Schedule/Hours?clinicianId={clinician}");
        await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("Monday");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("09:00");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("13:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Hours added.");
        await BrowserFixture.ScreenshotAsync(page, "hours-01-monday");

        // The front desk books two dosing sessions at the same time in the same room.
        page = await SignInAsync(ClinicRoles.Staff);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BookDosingAsync(page, first, monday);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The appointment is booked.");
        var firstUrl = page.Url;
        await BookDosingAsync(page, second, monday);
        await Assertions.Expect(page.GetByTestId("booking-conflict")).ToContainTextAsync("Dosing room 1 is already booked from 09:00 to 11:00");
        await Assertions.Expect(page.GetByTestId("booking-conflict")).ToContainTextAsync("Dr. Ines Park is already booked from 09:00 to 11:00");
        await BrowserFixture.ScreenshotAsync(page, "booking-03-clash");
        await page.GetByRole(AriaRole.Button, new() { Name = "11:00–13:00" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Start", new() { Exact = true })).ToHaveValueAsync("11:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("appointment-when")).ToContainTextAsync("11:00–13:00");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Start", new() { Exact = true })).ToHaveValueAsync("11:00");
        await BrowserFixture.ScreenshotAsync(page, "appointment-03-reschedule");

        // The first patient cancels; the freed slot goes to the patient on the waitlist.
        await page.GotoAsync(firstUrl);
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Patient has a cold");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("waitlist-offer")).ToContainTextAsync("is free.");
        await BrowserFixture.ScreenshotAsync(page, "appointment-02-cancelled-offer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this slot for Wanda Waiting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("The freed slot is booked for the waiting patient.");
        await Assertions.Expect(page.GetByText("Wanda Waiting")).ToBeVisibleAsync();
        Assert.NotEqual(Guid.Empty, waiting);
    }

    private static async Task BookDosingAsync(IPage page, string lastName, DateOnly day)
    {
        await page.GotoAsync("/Schedule/Appointments/New");
        await page.GetByLabel("Patient", new() { Exact = true }).FillAsync(lastName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();
        await page.GetByLabel("Kind of appointment").SelectOptionAsync("Dosing");
        await page.GetByLabel("Clinician", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Dr. Ines Park" });
        await page.GetByLabel("Prescriber on site").SelectOptionAsync(new SelectOptionValue { Label = "Dr. Ines Park" });
        await page.GetByLabel("Room", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Dosing room 1 (dosing room)" });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Start", new() { Exact = true }).FillAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
    }

    private async Task<IPage> SignInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(fixture.Factory, role, email);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    private async Task<(string First, string Second, Guid Waiting)> PatientsAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var now = DateTimeOffset.UtcNow;
        Patient Add(string first, string last, string mrn)
        {
            var patient = new Patient(
                new PatientDetails(first, last, null, new DateOnly(1975, 5, 6), SexAtBirth.Male, null, null, null, null,
                    PostalAddress.Empty, EmergencyContact.Empty, null, null, null),
                now);
            patient.MoveTo(PatientStatus.Screening);
            patient.MoveTo(PatientStatus.Eligible);
            typeof(Patient).GetProperty(nameof(Patient.Mrn))!.SetValue(patient, mrn); // see PatientSeed in the Web tests
            db.Patients.Add(patient);
            return patient;
        }

        Add("Theo", "Abernathy", "KAP-900201");
        Add("Uma", "Brightwater", "KAP-900202");
        var waiting = Add("Wanda", "Waiting", "KAP-900203");
        db.WaitlistEntries.Add(new WaitlistEntry(waiting.Id, null, "Any morning", Guid.Empty, now));
        await db.SaveChangesAsync();
        return ("Abernathy", "Brightwater", waiting.Id);
    }
}
