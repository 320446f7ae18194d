using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Demo;
using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.Core.Users.Mfa;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Soak;

/// <summary>
/// The run's data, made through the app's own services (the in-process app on the owner's connection migrates the
/// empty database): the demo clinic (30 patients with courses, notes, dosing history, a calendar), the load users with
/// one password and authenticator secret and working hours, and a dosing session in progress on every active course.
/// One call, so it can be swapped for the scale data generator.
/// </summary>
public static class FixtureData
{
    public const string Database = "kapclinic";
    public const string AppRole = "kapclinic_app";

    private static readonly string[] SearchTerms = ["nú", "müller", "lee", "park", "son", "ez", "an", "o'connor", "thi", "okafor"];

    public static async Task<LoadWorld> PrepareAsync(PostgresCluster cluster, SoakOptions options, CancellationToken cancellationToken)
    {
        await cluster.ExecuteAsync($"CREATE DATABASE {Database}");
        await cluster.ExecuteAsync($"DO $$ BEGIN CREATE ROLE {AppRole} LOGIN; EXCEPTION WHEN duplicate_object THEN ALTER ROLE {AppRole} LOGIN; END $$");
        // The content root is named because this tool is not a test assembly (where the factory would find it by itself).
        await using var app = new KapClinicAppFactory(cluster.ConnectionString(Database))
            .WithSetting("contentRoot", Path.Combine(LoadSupport.AppProcess.RepositoryRoot(), "src", "KapClinic.Web"));
        await using var scope = app.Services.CreateAsyncScope(); // starting the host migrates
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        var users = await UsersAsync(services, options, cancellationToken);
        var db = services.GetRequiredService<KapClinicDbContext>();
        var clinicians = users.Where(u => !u.IsStaff).Select(u => u.Id).ToList();
        var now = DateTimeOffset.UtcNow;
        foreach (var clinician in clinicians)
        {
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            {
                db.WorkingHours.Add(new WorkingHours(clinician, day, new TimeOnly(7, 0), new TimeOnly(19, 0), now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var zone = (await services.GetRequiredService<ClinicSettingsService>().GetAsync(cancellationToken)).TimeZone;
        await StartSessionsAsync(services, clinicians, zone, cancellationToken);

        var patients = await db.Patients.AsNoTracking().Where(p => !p.IsArchived).Select(p => new { p.Id, p.Status }).ToListAsync(cancellationToken);
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.Status == CourseStatus.Active)
            .Select(c => new CourseRef(c.PatientId, c.Id)).ToListAsync(cancellationToken);
        var open = await db.DosingSessions.AsNoTracking()
            .Where(s => s.Status == NoteStatus.Draft && s.DischargedAt == null && s.DoseWithheldReason == null)
            .Select(s => new OpenSession(s.PatientId, s.Id)).ToListAsync(cancellationToken);
        return new LoadWorld(
            TestUsers.Password,
            TestUsers.MfaSecret,
            zone.Id,
            users,
            [.. patients.Select(p => p.Id)],
            [.. patients.Where(p => p.Status is not (PatientStatus.Discharged or PatientStatus.Ineligible)).Select(p => p.Id)],
            courses,
            open,
            clinicians,
            SearchTerms);
    }

    private static async Task<List<LoadUser>> UsersAsync(IServiceProvider services, SoakOptions options, CancellationToken cancellationToken)
    {
        var administration = services.GetRequiredService<UserAdministration>();
        var mfa = services.GetRequiredService<MfaEnrolment>();
        var users = new List<LoadUser>();
        for (var i = 1; i <= options.Users; i++)
        {
            var staff = i > options.Users - options.StaffUsers;
            var email = staff ? $"soak-staff-{i:000}@clinic.test" : $"soak-clinician-{i:000}@clinic.test";
            var id = await administration.CreateAsync(
                new NewUserInput
                {
                    Email = email,
                    DisplayName = staff ? $"Soak Staff {i}" : $"Soak Clinician {i}",
                    Password = TestUsers.Password,
                    IsClinician = !staff,
                    IsStaff = staff,
                },
                cancellationToken);
            await mfa.EnrolWithKnownSecretAsync(id, TestUsers.MfaSecret);
            users.Add(new LoadUser(id, email, staff));
        }

        return users;
    }

    /// <summary>A session started 30 minutes ago on every active course that has none open (readings need one).</summary>
    private static async Task StartSessionsAsync(IServiceProvider services, IReadOnlyList<Guid> clinicians, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<KapClinicDbContext>();
        var dosing = services.GetRequiredService<DosingSessionService>();
        var prescriber = await db.Users.AsNoTracking().Where(u => u.IsPrescriber && !u.IsDisabled).Select(u => u.Id).FirstAsync(cancellationToken);
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.Status == CourseStatus.Active).ToListAsync(cancellationToken);
        var started = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(-30), zone).DateTime;
        started = new DateTime(started.Year, started.Month, started.Day, started.Hour, started.Minute, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < courses.Count; i++)
        {
            try
            {
                await dosing.StartAsync(
                    courses[i].PatientId, courses[i].Id, new StartDosingInput { PrescriberId = prescriber, StartedAt = started }, clinicians[i % clinicians.Count], cancellationToken);
            }
            catch (Core.Common.RuleViolationException)
            {
                // One is in progress already (the demo's live session).
            }
        }
    }
}
