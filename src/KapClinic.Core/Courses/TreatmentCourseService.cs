using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Courses;

/// <summary>
/// A patient's treatment courses: start one on an active protocol (at most one planned or active course per
/// patient, also enforced by a partial unique index), then activate, complete or stop it. State changes carry
/// the course's concurrency token, so two clinicians cannot both act on what they saw.
/// </summary>
public sealed class TreatmentCourseService(KapClinicDbContext db, ClinicSettingsService settings, ReadinessService readiness, TimeProvider clock)
{
    /// <summary>How far from today a start date may be: a course recorded late, or planned ahead.</summary>
    public const int StartDateWindowDays = 365;

    private const string OneOpenCourse =
        "This patient already has a planned or active course. Complete or stop it before starting another.";

    public async Task<NewCourseOptions> GetNewCourseOptionsAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var patient = await PatientBanner.LoadAsync(db, patientId, cancellationToken);
        var protocols = await db.Protocols.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name)
            .Select(ProtocolProjection.ListItem).ToListAsync(cancellationToken);
        var open = await Summaries(patientId, openOnly: true).FirstOrDefaultAsync(cancellationToken);
        return new NewCourseOptions(patient, protocols, open);
    }

    /// <summary>A patient's courses, newest first.</summary>
    public async Task<IReadOnlyList<CourseSummary>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken = default) =>
        await Summaries(patientId).ToListAsync(cancellationToken);

    public async Task<CourseDetails> GetAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var row = await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.Id == courseId)
            .Select(c => new
            {
                Course = c,
                CreatedByName = db.Users.Where(u => u.Id == c.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That treatment course does not exist.");
        var protocol = await db.Protocols.AsNoTracking().Where(p => p.Id == row.Course.ProtocolId)
            .Select(ProtocolProjection.ListItem).SingleAsync(cancellationToken);
        var patient = await PatientBanner.LoadAsync(db, row.Course.PatientId, cancellationToken);
        var c = row.Course;
        var sessions = await CourseSessions.ListAsync(db, n => n.CourseId == courseId, cancellationToken);
        var ready = c.Status is CourseStatus.Planned or CourseStatus.Active ? await readiness.GetReadinessAsync(courseId, cancellationToken) : null;
        var timeline = new CourseTimeline(
            c.PatientId, c.Id, c.Status, protocol.PlannedPreparationSessions, protocol.PlannedDosingSessions, protocol.PlannedIntegrationSessions, sessions, ready);
        return new CourseDetails(
            c.Id, patient, protocol, c.Status, c.StartDate, c.EndDate, c.StopReason, c.CreatedAt,
            row.CreatedByName ?? "(unknown user)", c.Version, timeline);
    }

    public async Task<Guid> StartCourseAsync(
        Guid patientId, Guid protocolId, DateOnly startDate, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        var patient = await PatientBanner.LoadAsync(db, patientId, cancellationToken);
        if (patient.IsArchived || patient.Status is PatientStatus.Ineligible or PatientStatus.Discharged)
        {
            throw new RuleViolationException(patient.IsArchived
                ? "This patient is archived. Restore the patient before starting a course."
                : $"This patient is {patient.Status.ToString().ToLowerInvariant()}; a course cannot start. Re-admit them to screening first.");
        }

        var protocolActive = await db.Protocols.Where(p => p.Id == protocolId).Select(p => (bool?)p.IsActive).SingleOrDefaultAsync(cancellationToken);
        if (protocolActive != true)
        {
            throw new RuleViolationException(nameof(StartCourseInput.ProtocolId), protocolActive is null
                ? "That protocol does not exist; choose one from the list."
                : "That protocol is retired; choose an active protocol.");
        }

        var today = await TodayAsync(cancellationToken);
        if (Math.Abs(startDate.DayNumber - today.DayNumber) > StartDateWindowDays)
        {
            throw new RuleViolationException(nameof(StartCourseInput.StartDate), "The start date must be within a year of today.");
        }

        if (await db.TreatmentCourses.AnyAsync(c => c.PatientId == patientId && (c.Status == CourseStatus.Planned || c.Status == CourseStatus.Active), cancellationToken))
        {
            throw new RuleViolationException(OneOpenCourse);
        }

        var course = new TreatmentCourse(patientId, protocolId, startDate, actingUserId, clock.GetUtcNow());
        db.TreatmentCourses.Add(course);
        await SaveAsync(cancellationToken);
        return course.Id;
    }

    public async Task ActivateAsync(Guid courseId, uint version, CancellationToken cancellationToken = default)
    {
        var course = await FindTrackedAsync(courseId, version, cancellationToken);
        Apply(course.Start);
        await SaveAsync(cancellationToken);
    }

    public async Task CompleteAsync(Guid courseId, uint version, CancellationToken cancellationToken = default)
    {
        var course = await FindTrackedAsync(courseId, version, cancellationToken);
        var today = await TodayAsync(cancellationToken);
        Apply(() => course.Complete(today));
        await SaveAsync(cancellationToken);
    }

    public async Task StopAsync(Guid courseId, string? reason, uint version, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > TreatmentCourse.StopReasonMaxLength)
        {
            throw new RuleViolationException(
                nameof(StopCourseInput.Reason),
                $"Say why the course is stopped (at most {TreatmentCourse.StopReasonMaxLength} characters).");
        }

        var course = await FindTrackedAsync(courseId, version, cancellationToken);
        var today = await TodayAsync(cancellationToken);
        Apply(() => course.Stop(reason, today));
        await SaveAsync(cancellationToken);
    }

    private IQueryable<CourseSummary> Summaries(Guid patientId, bool openOnly = false) =>
        db.TreatmentCourses.AsNoTracking()
            .Where(c => c.PatientId == patientId)
            .Where(c => !openOnly || c.Status == CourseStatus.Planned || c.Status == CourseStatus.Active)
            .OrderByDescending(c => c.CreatedAt)
            .Join(db.Protocols, c => c.ProtocolId, p => p.Id, (c, p) => new CourseSummary(
                c.Id, p.Name, c.StartDate, c.EndDate, c.Status, db.ClinicalNotes.Count(n => n.CourseId == c.Id && n.Status == NoteStatus.Signed),
                p.PlannedPreparationSessions + p.PlannedDosingSessions + p.PlannedIntegrationSessions));

    private async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    private async Task<TreatmentCourse> FindTrackedAsync(Guid courseId, uint version, CancellationToken cancellationToken)
    {
        var course = await db.TreatmentCourses.SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken)
            ?? throw new NotFoundException("That treatment course does not exist.");
        db.Entry(course).Property(c => c.Version).OriginalValue = version;
        return course;
    }

    /// <summary>The course refuses a move its status does not allow; say so to the user.</summary>
    private static void Apply(Action move)
    {
        try
        {
            move();
        }
        catch (InvalidOperationException ex)
        {
            throw new RuleViolationException(ex.Message, ex);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this course after you opened it. Its current state is shown; check it before you act again.", ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException(OneOpenCourse, ex);
        }
    }
}
