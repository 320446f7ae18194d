using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Demo;

/// <summary>
/// The demo clinic's dosing sessions, written through the domain (<see cref="DemoDosingWriter"/>) so every rule and
/// signature hash holds: signed IV ketamine infusions (one with mild nausea, one with vomiting treated with
/// ondansetron, one dosed over a blood-pressure hold on the prescriber's override), a signed sublingual session with
/// a second lozenge, signed esketamine sessions (REMS forms submitted, the latest one still due), and an IV infusion
/// in progress now with a reading overdue. The n-th session of a course falls the day before the course's n-th
/// integration note, which follows it. The monitoring clinician is the demo nurse (the prescriber once); the
/// prescriber on site is the demo prescriber. The doses are taken from the demo's stock lots and written to the
/// controlled-substance ledger (<see cref="DemoInventorySeeder"/>). Run by <see cref="DemoNotesSeeder"/>, only on a
/// database without dosing sessions.
/// </summary>
public sealed class DemoDosingSeeder(
    KapClinicDbContext db, ReadinessService readiness, ClinicSettingsService settings, DemoInventorySeeder inventory, TimeProvider clock)
{
    /// <summary>
    /// Seeds the sessions; none in progress for the <paramref name="integrationToday"/> courses (they had an
    /// integration session today). Returns the signed sessions by course and number, for the integration notes.
    /// </summary>
    public async Task<IReadOnlyDictionary<(Guid CourseId, int Number), Guid>> SeedAsync(
        ClinicUser prescriber, IReadOnlyCollection<Guid> integrationToday, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prescriber);
        ArgumentNullException.ThrowIfNull(integrationToday);
        var dosed = new Dictionary<(Guid CourseId, int Number), Guid>();
        if (await db.DosingSessions.AnyAsync(cancellationToken))
        {
            return dosed;
        }

        var clinic = await settings.GetAsync(cancellationToken);
        var zone = clinic.TimeZone;
        var now = clock.GetUtcNow();
        var nurse = Signer(await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == DemoSeeder.NurseEmail && !u.IsDisabled, cancellationToken) ?? prescriber);
        var doctor = Signer(prescriber);
        var stock = await inventory.StockAsync(prescriber.Id, zone, cancellationToken);
        var writer = new DemoDosingWriter(db, clinic.Dosing, doctor, stock);
        var plans = new DemoDosingPlans(new Random(20261206));
        var courses = await CoursesAsync(now, zone, cancellationToken);
        var iv = courses.Where(c => c.Protocol.Id == DefaultProtocols.IvKetamineId).ToList();
        var esketamine = courses.Where(c => c.Protocol.Id == DefaultProtocols.EsketamineId).ToList();

        DateTimeOffset Day(DemoDosingCourse course, int number) =>
            ClinicTimes.ToUtc(course.StartDate.AddDays(1 + (7 * (number - 1))), new TimeOnly(9, 0), zone);

        async Task<DosingSession> SignedAsync(DemoDosingCourse course, int number, DemoDosingPlan plan)
        {
            var session = await writer.WriteAsync(course, plan, cancellationToken);
            dosed[(course.CourseId, number)] = session.Id;
            return session;
        }

        void Rems(DosingSession session, int number)
        {
            var on = ClinicTimes.DateOf(session.StartedAt, zone).AddDays(1);
            db.RemsSubmissions.Add(new RemsSubmission(
                session.Id, session.PatientId, on, $"PMF-{on:yyMMdd}-{4810 + number}", nurse.Id, ClinicTimes.ToUtc(on, new TimeOnly(16, 0), zone)));
        }

        if (iv.ElementAtOrDefault(0) is { } first)
        {
            await SignedAsync(first, 1, plans.Iv(first, Day(first, 1), nurse, DemoDosingPlans.IvSession.MildNausea));
            await SignedAsync(first, 2, plans.Iv(first, Day(first, 2), nurse, DemoDosingPlans.IvSession.NauseaVomiting));
        }

        if (iv.ElementAtOrDefault(1) is { } second)
        {
            await SignedAsync(second, 1, plans.Iv(second, Day(second, 1), nurse, DemoDosingPlans.IvSession.BloodPressureOverride));
        }

        if (courses.FirstOrDefault(c => c.Protocol.Id == DefaultProtocols.SublingualKapId) is { } sublingual)
        {
            await SignedAsync(sublingual, 1, plans.Sublingual(sublingual, Day(sublingual, 1), nurse));
        }

        if (esketamine.ElementAtOrDefault(0) is { } induction)
        {
            Rems(await SignedAsync(induction, 1, plans.Esketamine(induction, Day(induction, 1), nurse, devices: 2)), 1);
            Rems(await SignedAsync(induction, 2, plans.Esketamine(induction, Day(induction, 2), doctor, devices: 3)), 2);
        }

        if (esketamine.ElementAtOrDefault(1) is { } recent)
        {
            Rems(await SignedAsync(recent, 1, plans.Esketamine(recent, Day(recent, 1), nurse, devices: 2)), 3);

            // Two working days ago; its REMS form is still due (7 days).
            var day = ClinicTimes.DateOf(now, zone).AddDays(-2);
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(-1);
            }

            await writer.WriteAsync(recent, plans.Esketamine(recent, ClinicTimes.ToUtc(day, new TimeOnly(9, 0), zone), nurse, devices: 3), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        // In progress now: started 50 min ago, the infusion 40 min ago; the last reading 20 min old, so one is overdue.
        if (iv.FirstOrDefault(c => !integrationToday.Contains(c.CourseId)) is { } live)
        {
            var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            await writer.WriteAsync(live, plans.Iv(live, minute.AddMinutes(-50), nurse, DemoDosingPlans.IvSession.InProgress), cancellationToken);
        }

        await inventory.LedgerAsync(stock, nurse, doctor, zone, cancellationToken);
        return dosed;
    }

    private static NoteSigner Signer(ClinicUser user) => new(user.Id, user.DisplayName, user.Credentials, user.IsSupervisor);

    // Active courses ready to dose, by MRN, with what the checklist asks of their patient.
    private async Task<List<DemoDosingCourse>> CoursesAsync(DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await db.TreatmentCourses.AsNoTracking().Where(c => c.Status == CourseStatus.Active)
            .Join(db.Patients, c => c.PatientId, p => p.Id, (c, p) => new { Course = c, Patient = p })
            .OrderBy(x => x.Patient.Mrn)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Patient.Id).ToList();
        var protocols = await db.Protocols.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var weights = await db.WeightEntries.AsNoTracking().Where(w => ids.Contains(w.PatientId)).ToListAsync(cancellationToken);
        var medications = await db.Medications.AsNoTracking().Where(m => ids.Contains(m.PatientId) && m.IsActive).ToListAsync(cancellationToken);
        var today = ClinicTimes.DateOf(now, zone);
        var courses = new List<DemoDosingCourse>();
        foreach (var (course, patient) in rows.Select(r => (r.Course, r.Patient)))
        {
            var ready = await readiness.GetReadinessAsync(course.Id, cancellationToken);
            if (!ready.IsReady)
            {
                continue;
            }

            var childbearingAge = patient.SexAtBirth == SexAtBirth.Female && patient.DateOfBirth.AddYears(55) > today;
            courses.Add(new DemoDosingCourse(
                patient.Id,
                course.Id,
                course.StartDate,
                protocols[course.ProtocolId],
                weights.Where(w => w.PatientId == patient.Id).OrderByDescending(w => w.MeasuredOn).Select(w => w.Kg).FirstOrDefault(70m),
                childbearingAge ? PregnancyTest.Negative : PregnancyTest.NotApplicable,
                patient.EmergencyContact.Name ?? "Partner",
                patient.EmergencyContact.Phone ?? patient.Phone ?? "+1 (555) 010-0000",
                medications.Where(m => m.PatientId == patient.Id).Select(m => m.Class).ToHashSet(),
                ready));
        }

        return courses;
    }
}
