using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// The week of Monday 9 to Sunday 15 November 2026 in New York: Renée Ørsted works Mon and Wed 09-17 and is off on Wed
/// (8 h available); Tom Hall has no template (the clinic's usual Mon-Fri 08-18: 50 h); Rooms A and B are open the
/// usual hours (50 h each), Room Z is retired. Appointments: Renée Mon 10-12 Room A, Mon 13-14 Room A (no-show),
/// Mon 15-16 Room B (cancelled); Tom Tue 09:00-10:30 Room B, Thu 14-15 no room; outside the week: Tom Mon 16 Nov, Renée Sun 8 Nov.
/// </summary>
public sealed class UtilizationFixture : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 18, 16, 0, 0, TimeSpan.Zero));

    public Guid Renee { get; private set; }

    public Guid Tom { get; private set; }

    public Guid Staff { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var app = Factory;
        Renee = await SchedulingSeed.ClinicianAsync(app, "Renée Ørsted", prescriber: false);
        Tom = await SchedulingSeed.ClinicianAsync(app, "Tom Hall", prescriber: false);
        Staff = await TestUsers.CreateAsync(app, ClinicRoles.Staff, name: "Sam Staff");
        await SchedulingSeed.HoursAsync(app, Renee, new TimeOnly(9, 0), new TimeOnly(17, 0), DayOfWeek.Monday, DayOfWeek.Wednesday);
        var roomA = await SchedulingSeed.RoomAsync(app, "Room A");
        var roomB = await SchedulingSeed.RoomAsync(app, "Room B");
        var patient = await SchedulingSeed.PatientAsync(app, "Zoë", "Ñúñez");
        var other = await SchedulingSeed.PatientAsync(app, "Ada", "Lovelace");
        await SchedulingSeed.WithDbAsync(app, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.TimeOff.Add(new TimeOff(Renee, new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 11), "Training", now));
            var retired = new Room("Room Z", RoomKind.TherapyRoom, now);
            retired.Retire();
            db.Rooms.Add(retired);
            Appointment Add(Guid who, Guid patientId, Guid? room, int day, int startHour, int startMinute, int endHour, int endMinute)
            {
                var appointment = new Appointment(
                    patientId, AppointmentType.Consult, who, null, room, At(day, startHour, startMinute), At(day, endHour, endMinute), null, Guid.Empty, now);
                db.Appointments.Add(appointment);
                return appointment;
            }

            Add(Renee, patient, roomA, 9, 10, 0, 12, 0);
            Add(Renee, other, roomA, 9, 13, 0, 14, 0).MarkNoShow();
            Add(Renee, patient, roomB, 9, 15, 0, 16, 0).Cancel("Patient unwell.");
            Add(Tom, other, roomB, 10, 9, 0, 10, 30);
            Add(Tom, patient, null, 12, 14, 0, 15, 0);
            Add(Tom, patient, roomA, 16, 10, 0, 11, 0);
            Add(Renee, other, roomA, 8, 10, 0, 11, 0);
            return await db.SaveChangesAsync();
        });
    }

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    private static DateTimeOffset At(int day, int hour, int minute) => SchedulingSeed.At(new DateOnly(2026, 11, day), hour, minute);
}
