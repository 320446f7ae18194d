using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>
/// Rooms, clinicians, hours and appointments straight through the entities and the DbContext (booking has its
/// own pages and tests). Times are given as wall-clock times in the clinic's default zone, America/New_York.
/// </summary>
public static class ScheduleSeed
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => ClinicDayWindow.ToUtc(day, new TimeOnly(hour, minute), Zone);

    public static async Task<Guid> RoomAsync(KapClinicAppFactory factory, string name, RoomKind kind = RoomKind.DosingRoom)
    {
        var room = new Room(name, kind, DateTimeOffset.UtcNow);
        await SaveAsync(factory, db => db.Rooms.Add(room));
        return room.Id;
    }

    public static Task<Guid> ClinicianAsync(KapClinicAppFactory factory, string name, bool prescriber = false) =>
        TestUsers.CreateAsync(factory, ClinicRoles.Clinician, prescriber: prescriber, name: name);

    public static Task<Guid> PatientAsync(KapClinicAppFactory factory, string first, string last) =>
        TestPatients.CreateAsync(factory, TestPatients.Details(first, last));

    public static async Task HoursAsync(KapClinicAppFactory factory, Guid clinicianId, DayOfWeek day, TimeOnly start, TimeOnly end) =>
        await SaveAsync(factory, db => db.WorkingHours.Add(new WorkingHours(clinicianId, day, start, end, DateTimeOffset.UtcNow)));

    public static async Task<Guid> AppointmentAsync(
        KapClinicAppFactory factory,
        Guid patientId,
        Guid clinicianId,
        Guid? roomId,
        DateTimeOffset startsAt,
        TimeSpan length,
        AppointmentType type = AppointmentType.Dosing,
        Guid? prescriberId = null,
        Action<Appointment>? then = null)
    {
        var appointment = new Appointment(patientId, type, clinicianId, prescriberId, roomId, startsAt, startsAt + length, null, clinicianId, DateTimeOffset.UtcNow);
        then?.Invoke(appointment);
        await SaveAsync(factory, db => db.Appointments.Add(appointment));
        return appointment.Id;
    }

    public static async Task<T> WithAsync<T>(KapClinicAppFactory factory, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private static async Task SaveAsync(KapClinicAppFactory factory, Action<KapClinicDbContext> add)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }
}
