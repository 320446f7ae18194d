using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Demo;

/// <summary>
/// The demo clinic's calendar: two dosing rooms, an infusion chair and two therapy rooms; weekly hours for the demo
/// clinicians; and three weeks either side of today of course sessions for the patients in active treatment (laid out
/// by <see cref="CoursePlanGenerator"/>, placed at free times with <see cref="NextFreeSlots"/>), past ones completed,
/// a few no-shows and a cancellation, plus two patients on the waitlist. Only ever run by <see cref="DemoSeeder"/>.
/// </summary>
public sealed class DemoScheduleSeeder(KapClinicDbContext db, ClinicSettingsService settings, TimeProvider clock)
{
    public const int WeeksAround = 3;

    private readonly List<Appointment> booked = [];

    public async Task SeedAsync(string prescriberEmail, string nurseEmail, string therapistEmail, CancellationToken cancellationToken = default)
    {
        if (await db.Rooms.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var today = ClinicTimes.DateOf(now, zone);
        var ids = await db.Users.Where(u => u.Email == prescriberEmail || u.Email == nurseEmail || u.Email == therapistEmail)
            .ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var (prescriber, nurse, therapist) = (ids[prescriberEmail], ids[nurseEmail], ids[therapistEmail]);

        Room Add(string name, RoomKind kind) => db.Rooms.Add(new Room(name, kind, now)).Entity;
        Guid[] dosingRooms = [Add("Dosing room 1", RoomKind.DosingRoom).Id, Add("Dosing room 2", RoomKind.DosingRoom).Id, Add("Infusion chair 1", RoomKind.InfusionChair).Id];
        Guid[] therapyRooms = [Add("Therapy room A", RoomKind.TherapyRoom).Id, Add("Therapy room B", RoomKind.TherapyRoom).Id];

        var availability = new Dictionary<Guid, ClinicianAvailability>
        {
            [prescriber] = Hours(prescriber, "prescriber", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], 8, 17, now),
            [nurse] = Hours(nurse, "nurse", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], 8, 18, now),
            [therapist] = Hours(therapist, "therapist", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday], 9, 17, now),
        };
        var leave = CoursePlanGenerator.NextWorkingDay(today.AddDays(7));
        db.TimeOff.Add(new TimeOff(therapist, leave, leave, "training day", now));
        availability[therapist] = availability[therapist] with { TimeOff = [new TimeOffPeriod(leave, leave, "training day")] };

        var courses = await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Active)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new { c.Id, c.PatientId, p })
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < courses.Count; i++)
        {
            var (course, protocol) = (courses[i], courses[i].p);
            var sessions = CoursePlanGenerator.Propose(new CoursePlanOptions(
                today.AddDays(-7 * (WeeksAround - (i % (WeeksAround + 1)))), protocol.PlannedPreparationSessions, protocol.PlannedDosingSessions,
                protocol.PlannedIntegrationSessions, AppointmentDurations.DosingMinutes(protocol.MinimumMonitoringMinutes),
                i % 2 == 0 ? CoursePlanGenerator.DefaultDosingDays : [DayOfWeek.Tuesday, DayOfWeek.Friday],
                new TimeOnly(9, 0), new TimeOnly(i % 3 == 0 ? 8 : 11, 0), new TimeOnly(14, 0)));
            foreach (var session in sessions.Where(s => s.Date <= today.AddDays(7 * WeeksAround)))
            {
                var dosing = session.Type == AppointmentType.Dosing;
                var clinician = dosing ? (session.Number % 2 == 0 ? nurse : prescriber) : (i % 3 == 2 ? prescriber : therapist);
                var room = dosing ? dosingRooms[i % dosingRooms.Length] : therapyRooms[i % therapyRooms.Length];
                Place(course.PatientId, session.Type, clinician, dosing ? prescriber : null, room, course.Id, session, availability[clinician], zone, now);
            }
        }

        SetStatuses(now);
        await db.SaveChangesAsync(cancellationToken);
        await AddWaitlistAsync(prescriber, now, cancellationToken);
    }

    private ClinicianAvailability Hours(Guid clinicianId, string name, DayOfWeek[] days, int from, int to, DateTimeOffset now)
    {
        var blocks = days.Select(d => new HoursBlock(d, new TimeOnly(from, 0), new TimeOnly(to, 0))).ToList();
        db.WorkingHours.AddRange(blocks.Select(b => new WorkingHours(clinicianId, b.Day, b.Start, b.End, now)));
        return new ClinicianAvailability(name, blocks, []);
    }

    /// <summary>Books the session at its planned time or the first free time after it, as the exclusion constraints require.</summary>
    private void Place(
        Guid patientId, AppointmentType type, Guid clinicianId, Guid? prescriberId, Guid roomId, Guid courseId, PlannedSession session,
        ClinicianAvailability availability, TimeZoneInfo zone, DateTimeOffset now)
    {
        var busy = booked.Where(a => a.PatientId == patientId || a.ClinicianId == clinicianId || a.RoomId == roomId)
            .Select(a => new TimeRange(a.StartsAt, a.EndsAt)).ToList();
        var slots = NextFreeSlots.Find(ClinicTimes.ToUtc(session.Date, session.Time, zone), TimeSpan.FromMinutes(session.Minutes), zone, availability, busy, count: 1);
        if (slots.Count == 0)
        {
            return;
        }

        var appointment = new Appointment(patientId, type, clinicianId, prescriberId, roomId, slots[0].StartsAt, slots[0].EndsAt, courseId, clinicianId, now.AddDays(-30));
        booked.Add(appointment);
        db.Appointments.Add(appointment);
    }

    /// <summary>Past sessions happened (a few were missed); today's are under way; one upcoming dosing session was cancelled.</summary>
    private void SetStatuses(DateTimeOffset now)
    {
        var ordered = booked.OrderBy(a => a.StartsAt).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            if (a.EndsAt <= now && i % 13 == 5)
            {
                a.MarkNoShow();
            }
            else if (a.StartsAt <= now)
            {
                a.CheckIn(a.StartsAt.AddMinutes(-10));
                a.Start();
                if (a.EndsAt <= now)
                {
                    a.Complete();
                }
            }
        }

        ordered.FirstOrDefault(a => a.StartsAt > now.AddDays(2) && a.Type == AppointmentType.Dosing)?.Cancel("Patient unwell (demo)");
    }

    private async Task AddWaitlistAsync(Guid addedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.TreatmentCourses.AsNoTracking().Where(c => c.Status == CourseStatus.Planned)
            .Join(db.Patients.Where(p => p.Status == PatientStatus.Eligible && !p.IsArchived), c => c.PatientId, p => p.Id, (c, p) => new { c.Id, c.PatientId })
            .OrderBy(c => c.Id).Take(2).ToListAsync(cancellationToken);
        foreach (var (entry, i) in waiting.Select((w, i) => (w, i)))
        {
            db.WaitlistEntries.Add(new WaitlistEntry(entry.PatientId, entry.Id, i == 0 ? "Can come at a day's notice" : "Mornings only", addedBy, now.AddDays(-3 + i)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
