using System.Globalization;
using System.Net;
using KapClinic.Core.Common;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

public sealed class WaitlistTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private static readonly DateOnly Friday = new(2027, 2, 19);

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Patients_are_added_listed_oldest_first_and_removed()
    {
        var (first, second) = (await PatientAsync(App, "Wait", "First"), await PatientAsync(App, "Wait", "Second"));
        var course = await CourseAsync(App, second);
        var firstEntry = await WithWaitlistAsync(w => w.AddAsync(new AddToWaitlistInput { PatientId = first, Note = "mornings only" }, Guid.Empty));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await WithWaitlistAsync(w => w.AddAsync(new AddToWaitlistInput { PatientId = second, CourseId = course }, Guid.Empty));

        var duplicate = await Assert.ThrowsAsync<RuleViolationException>(() => WithWaitlistAsync(w => w.AddAsync(new AddToWaitlistInput { PatientId = first }, Guid.Empty)));
        Assert.Equal(WaitlistService.AlreadyWaiting, duplicate.Message);

        var waiting = (await WithWaitlistAsync(w => w.ListWaitingAsync())).Where(w => w.PatientId == first || w.PatientId == second).ToList();
        Assert.Equal(["Wait First", "Wait Second"], waiting.Select(w => w.PatientName));
        Assert.Equal("mornings only", waiting[0].Note);
        Assert.Equal("IV ketamine series", waiting[1].CourseProtocolName);

        await WithWaitlistAsync(async w => { await w.RemoveAsync(firstEntry); return 0; });
        Assert.DoesNotContain(await WithWaitlistAsync(w => w.ListWaitingAsync()), w => w.PatientId == first);
    }

    [Fact]
    public async Task Cancelling_a_dosing_session_offers_its_slot_to_the_waitlist_and_staff_book_it_in_one_step()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var (clinician, room) = (await ClinicianAsync(App, "Dr Slot"), await RoomAsync(App, "Dosing room W"));
        var cancelled = await AppointmentAsync(App, await PatientAsync(App), clinician, room, At(Friday, 9), At(Friday, 11), AppointmentType.Dosing);
        var waiting = await PatientAsync(App, "Eager", "Waiter");
        var busy = await PatientAsync(App, "Busy", "Waiter");
        await AppointmentAsync(App, busy, await ClinicianAsync(App), null, At(Friday, 10), At(Friday, 10, 30));
        await WithWaitlistAsync(w => w.AddAsync(new AddToWaitlistInput { PatientId = waiting }, Guid.Empty));
        await WithWaitlistAsync(w => w.AddAsync(new AddToWaitlistInput { PatientId = busy }, Guid.Empty));

        var url = $"/Schedule/Appointments/{cancelled}";
        var cancel = await HtmlForms.PostAsync(staff, url, [new("Cancel.Reason", "Patient has flu"), new("Cancel.Version", await VersionAsync(cancelled))], $"{url}?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync(url));
        Assert.Contains("Offer the freed slot", page, StringComparison.Ordinal);
        Assert.Contains("Fri 19 Feb 2027, 09:00–11:00 with Dr Slot in Dosing room W is free.", page, StringComparison.Ordinal);
        Assert.Contains("Book this slot for Eager Waiter", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Book this slot for Busy Waiter", page, StringComparison.Ordinal); // booked elsewhere then

        var entry = await WithDbAsync(App, db => db.WaitlistEntries.Where(w => w.PatientId == waiting).Select(w => w.Id).SingleAsync());
        var book = await HtmlForms.PostAsync(staff, url, [new("entryId", entry.ToString())], $"{url}?handler=BookFromWaitlist");

        Assert.Equal(HttpStatusCode.Redirect, book.StatusCode);
        var appointment = Assert.Single(await AppointmentsOfAsync(App, waiting));
        Assert.Equal((AppointmentType.Dosing, At(Friday, 9), At(Friday, 11), room, clinician), (appointment.Type, appointment.StartsAt, appointment.EndsAt, appointment.RoomId, appointment.ClinicianId));
        var status = await WithDbAsync(App, db => db.WaitlistEntries.Where(w => w.Id == entry).Select(w => new { w.Status, w.BookedAppointmentId }).SingleAsync());
        Assert.Equal((WaitlistStatus.Booked, appointment.Id), (status.Status, status.BookedAppointmentId));
        Assert.DoesNotContain("Offer the freed slot", WebUtility.HtmlDecode(await staff.GetStringAsync(url)), StringComparison.Ordinal); // taken now
    }

    private async Task<string> VersionAsync(Guid id) =>
        (await WithDbAsync(App, db => db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync())).ToString(CultureInfo.InvariantCulture);

    private async Task<T> WithWaitlistAsync<T>(Func<WaitlistService, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<WaitlistService>());
    }
}
