using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Demo;
using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.DataGenerator;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Soak;

/// <summary>
/// The run's data, in one call: the scale data generator's small profile (1,000 patients with history and its load
/// users) or the demo clinic with users made here (<c>--data demo</c>); then, through the app's own services (the
/// in-process app on the owner's connection), working hours for the load's clinicians and a dosing session in progress
/// on active courses, so readings can be added.
/// </summary>
public static class FixtureData
{
    public const string Database = "kapclinic";
    public const string AppRole = "kapclinic_app";
    private const int MaxOpenSessions = 40;

    private static readonly string[] SearchTerms = ["an", "son", "ma", "li", "er", "ez", "ri", "jo", "mü", "lee"];

    public static async Task<LoadWorld> PrepareAsync(PostgresCluster cluster, SoakOptions options, CancellationToken cancellationToken)
    {
        var owner = cluster.ConnectionString(Database);
        if (options.Data == "scale")
        {
            await ScaleDataGenerator.GenerateAsync(owner, ScaleProfile.Small, new GenerateOptions(), cancellationToken: cancellationToken);
        }
        else
        {
            await cluster.ExecuteAsync($"CREATE DATABASE {Database}");
            await cluster.ExecuteAsync($"DO $$ BEGIN CREATE ROLE {AppRole} LOGIN; EXCEPTION WHEN duplicate_object THEN ALTER ROLE {AppRole} LOGIN; END $$");
        }

        // The content root is named because this tool is not a test assembly (where the factory would find it by itself).
        await using var app = new KapClinicAppFactory(owner)
            .WithSetting("contentRoot", Path.Combine(LoadSupport.AppProcess.RepositoryRoot(), "src", "KapClinic.Web"));
        await using var scope = app.Services.CreateAsyncScope(); // starting the host migrates
        var services = scope.ServiceProvider;
        IReadOnlyList<LoadUser> users;
        string password, secret;
        if (options.Data == "scale")
        {
            users = await LoadUsers.GeneratedAsync(services, options, cancellationToken);
            (password, secret) = (GeneratedUsers.Password, GeneratedUsers.MfaSecret);
        }
        else
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            users = await LoadUsers.CreateAsync(services, options, TestUsers.Password, TestUsers.MfaSecret, cancellationToken);
            (password, secret) = (TestUsers.Password, TestUsers.MfaSecret);
        }

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
            .OrderBy(c => c.Id).Select(c => new CourseRef(c.PatientId, c.Id)).Take(500).ToListAsync(cancellationToken);
        var open = await db.DosingSessions.AsNoTracking()
            .Where(s => s.Status == NoteStatus.Draft && s.DischargedAt == null && s.DoseWithheldReason == null && s.OccurredAt > now.AddHours(-2))
            .Select(s => new OpenSession(s.PatientId, s.Id)).ToListAsync(cancellationToken);
        return new LoadWorld(
            password,
            secret,
            zone.Id,
            users,
            [.. patients.Select(p => p.Id)],
            [.. patients.Where(p => p.Status is not (PatientStatus.Discharged or PatientStatus.Ineligible)).Select(p => p.Id)],
            courses,
            open,
            clinicians,
            SearchTerms);
    }

    /// <summary>A session started 30 minutes ago on active courses that have none open (up to <see cref="MaxOpenSessions"/>).</summary>
    private static async Task StartSessionsAsync(IServiceProvider services, IReadOnlyList<Guid> clinicians, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<KapClinicDbContext>();
        var dosing = services.GetRequiredService<DosingSessionService>();
        var prescriber = await db.Users.AsNoTracking().Where(u => u.IsPrescriber && !u.IsDisabled).Select(u => u.Id).FirstAsync(cancellationToken);
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.Status == CourseStatus.Active)
            .OrderBy(c => c.Id).Take(MaxOpenSessions).ToListAsync(cancellationToken);
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
