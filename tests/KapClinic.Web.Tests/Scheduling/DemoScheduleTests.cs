using KapClinic.Core.Demo;
using KapClinic.Core.Scheduling;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>The demo clinic's calendar is seeded on an empty database, within the exclusion constraints.</summary>
public sealed class DemoScheduleTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_demo_has_rooms_hours_weeks_of_appointments_around_today_and_a_waitlist()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
        }

        var now = SchedulingFixture.Now;
        var rooms = await WithDbAsync(App, db => db.Rooms.Select(r => r.Kind).ToListAsync());
        Assert.Equal(2, rooms.Count(k => k == RoomKind.DosingRoom));
        Assert.Equal(1, rooms.Count(k => k == RoomKind.InfusionChair));
        Assert.Equal(2, rooms.Count(k => k == RoomKind.TherapyRoom));
        Assert.Equal(3, await WithDbAsync(App, db => db.WorkingHours.Select(w => w.ClinicianId).Distinct().CountAsync()));

        var appointments = await WithDbAsync(App, db => db.Appointments.AsNoTracking().ToListAsync());
        Assert.True(appointments.Count > 40, $"Only {appointments.Count} demo appointments.");
        Assert.Contains(appointments, a => a.StartsAt < now.AddDays(-14) && a.Status == AppointmentStatus.Completed);
        Assert.Contains(appointments, a => a.StartsAt > now.AddDays(14) && a.Status == AppointmentStatus.Booked);
        Assert.Contains(appointments, a => a.Status == AppointmentStatus.NoShow);
        Assert.Contains(appointments, a => ClinicTimes.DateOf(a.StartsAt, Zone) == ClinicTimes.DateOf(now, Zone));
        Assert.All(appointments, a => Assert.NotNull(a.CourseId));
        Assert.All(appointments.Where(a => a.Type == AppointmentType.Dosing), a => Assert.NotNull(a.PrescriberId));
        var cancelled = Assert.Single(appointments, a => a.Status == AppointmentStatus.Cancelled);

        await using var offerScope = App.Services.CreateAsyncScope();
        var waitlist = offerScope.ServiceProvider.GetRequiredService<WaitlistService>();
        Assert.Equal(2, (await waitlist.ListWaitingAsync()).Count);
        Assert.NotNull(await waitlist.OfferAsync(cancelled.Id));
    }
}
