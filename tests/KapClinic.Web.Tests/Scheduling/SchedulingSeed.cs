using System.Globalization;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>Rooms, clinicians (straight into the database: no password hashing, so twenty are quick), courses and appointments.</summary>
internal static class SchedulingSeed
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => ClinicTimes.ToUtc(day, new TimeOnly(hour, minute), Zone);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Guid> RoomAsync(KapClinicAppFactory app, string? name = null, RoomKind kind = RoomKind.DosingRoom) =>
        await WithDbAsync(app, async db =>
        {
            var room = new Room(name ?? $"Room {Guid.NewGuid():N}"[..13], kind, DateTimeOffset.UtcNow);
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            return room.Id;
        });

    public static async Task<Guid> ClinicianAsync(KapClinicAppFactory app, string? name = null, bool prescriber = true) =>
        await WithDbAsync(app, async db =>
        {
            var user = new ClinicUser($"c-{Guid.NewGuid():N}@clinic.test", name ?? $"Clinician {Guid.NewGuid():N}"[..18], DateTimeOffset.UtcNow);
            user.UpdateProfile(user.DisplayName, "RN", prescriber, false);
            db.Users.Add(user);
            var role = await db.Roles.SingleAsync(r => r.Name == ClinicRoles.Clinician);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            await db.SaveChangesAsync();
            return user.Id;
        });

    public static async Task<Guid> PatientAsync(KapClinicAppFactory app, string first = "Robin", string last = "Okafor", PatientStatus status = PatientStatus.Active) =>
        await PatientSeed.CreateAsync(app, first, last, status);

    public static async Task<Guid> CourseAsync(KapClinicAppFactory app, Guid patientId, Guid? protocolId = null, DateOnly? start = null) =>
        await WithDbAsync(app, async db =>
        {
            var course = new TreatmentCourse(patientId, protocolId ?? DefaultProtocols.IvKetamineId, start ?? new DateOnly(2027, 3, 1), Guid.Empty, DateTimeOffset.UtcNow);
            db.TreatmentCourses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });

    public static async Task HoursAsync(KapClinicAppFactory app, Guid clinicianId, TimeOnly start, TimeOnly end, params DayOfWeek[] days) =>
        await WithDbAsync(app, async db =>
        {
            db.WorkingHours.AddRange(days.Select(d => new WorkingHours(clinicianId, d, start, end, DateTimeOffset.UtcNow)));
            return await db.SaveChangesAsync();
        });

    /// <summary>An appointment put straight into the database (the constraints still apply).</summary>
    public static async Task<Guid> AppointmentAsync(
        KapClinicAppFactory app, Guid patientId, Guid clinicianId, Guid? roomId, DateTimeOffset start, DateTimeOffset end,
        AppointmentType type = AppointmentType.Consult, Guid? courseId = null) =>
        await WithDbAsync(app, async db =>
        {
            var appointment = new Appointment(patientId, type, clinicianId, null, roomId, start, end, courseId, Guid.Empty, DateTimeOffset.UtcNow);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment.Id;
        });

    public static async Task<List<Appointment>> AppointmentsOfAsync(KapClinicAppFactory app, Guid patientId) =>
        await WithDbAsync(app, db => db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId).OrderBy(a => a.StartsAt).ToListAsync());

    public static async Task<T> WithDbAsync<T>(KapClinicAppFactory app, Func<KapClinicDbContext, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>());
    }

    /// <summary>The booking form's fields for a Consult (or another type) in a room.</summary>
    public static List<KeyValuePair<string, string>> BookingFields(
        Guid patientId, Guid clinicianId, Guid? roomId, DateOnly day, string start, string? end = null,
        AppointmentType type = AppointmentType.Consult, Guid? prescriberId = null, Guid? courseId = null) =>
    [
        new("Input.PatientId", patientId.ToString()),
        new("Input.Type", type.ToString()),
        new("Input.CourseId", courseId?.ToString() ?? string.Empty),
        new("Input.ClinicianId", clinicianId.ToString()),
        new("Input.PrescriberId", prescriberId?.ToString() ?? string.Empty),
        new("Input.RoomId", roomId?.ToString() ?? string.Empty),
        new("Input.Date", Iso(day)),
        new("Input.StartTime", start),
        new("Input.EndTime", end ?? string.Empty),
    ];
}
