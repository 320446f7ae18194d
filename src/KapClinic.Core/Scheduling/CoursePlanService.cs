using FluentValidation;
using FluentValidation.Results;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Scheduling;

/// <summary>
/// "Schedule the course": proposes the sessions a course still needs from its protocol, reviews them against the
/// calendar, and books them all in one SaveChanges (one transaction) or none: if PostgreSQL refuses any item (an
/// exclusion constraint), nothing is saved and <see cref="PlanConflictException"/> says which items clashed.
/// </summary>
public sealed class CoursePlanService(
    KapClinicDbContext db,
    TreatmentCourseService courses,
    BookingChecks checks,
    CoursePlanReviewer reviewer,
    SchedulingLookups lookups,
    ClinicSettingsService settings,
    IValidator<PlanItemInput> itemValidator,
    TimeProvider clock)
{
    public async Task<CoursePlanContext> GetContextAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var course = await courses.GetAsync(courseId, cancellationToken);
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.CourseId == courseId && a.Status != AppointmentStatus.Cancelled)
            .OrderBy(a => a.StartsAt)
            .Select(a => new CourseAppointment(
                a.Id, a.Type, a.Status, a.StartsAt, a.EndsAt,
                db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == a.ClinicianId).Select(u => u.DisplayName).FirstOrDefault() ?? "(unknown user)"))
            .ToListAsync(cancellationToken);
        return new CoursePlanContext(course, booked);
    }

    /// <summary>Sensible first choices: the course's start (or tomorrow), Monday and Thursday, the first prescriber and rooms.</summary>
    public async Task<CoursePlanSetupInput> DefaultSetupAsync(CoursePlanContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tomorrow = (await settings.TodayAsync(clock, cancellationToken)).AddDays(1);
        var clinicians = await lookups.CliniciansAsync(cancellationToken);
        var rooms = await lookups.RoomsAsync(cancellationToken: cancellationToken);
        var primary = await db.Patients.AsNoTracking().Where(p => p.Id == context.Course.Patient.Id).Select(p => p.PrimaryClinicianId).SingleAsync(cancellationToken);
        var therapist = clinicians.FirstOrDefault(c => c.Id == primary) ?? (clinicians.Count > 0 ? clinicians[0] : null);
        return new CoursePlanSetupInput
        {
            StartDate = context.Course.StartDate > tomorrow ? context.Course.StartDate : tomorrow,
            TherapistId = therapist?.Id,
            MonitoringClinicianId = therapist?.Id,
            PrescriberId = clinicians.FirstOrDefault(c => c.IsPrescriber)?.Id,
            DosingRoomId = rooms.FirstOrDefault(r => r.Kind != RoomKind.TherapyRoom)?.Id,
            TherapyRoomId = rooms.FirstOrDefault(r => r.Kind == RoomKind.TherapyRoom)?.Id,
        };
    }

    /// <summary>The sessions still to book, laid out by <see cref="CoursePlanGenerator"/>, with the setup's people and rooms.</summary>
    public static List<PlanItemInput> Propose(CoursePlanContext context, CoursePlanSetupInput setup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(setup);
        var sessions = CoursePlanGenerator.Propose(new CoursePlanOptions(
            setup.StartDate!.Value, context.PreparationToBook, context.DosingToBook, context.IntegrationToBook, context.DosingMinutes,
            [.. setup.DosingDays.Distinct()], setup.PreparationTime!.Value, setup.DosingTime!.Value, setup.IntegrationTime!.Value,
            context.BookedOf(AppointmentType.Preparation), context.BookedOf(AppointmentType.Dosing), context.BookedOf(AppointmentType.Integration)));
        return [.. sessions.Select(s => new PlanItemInput
        {
            Type = s.Type,
            Number = s.Number,
            OfCount = s.OfCount,
            Date = s.Date,
            StartTime = s.Time,
            Minutes = s.Minutes,
            ClinicianId = s.Type == AppointmentType.Dosing ? setup.MonitoringClinicianId : setup.TherapistId,
            PrescriberId = s.Type == AppointmentType.Dosing ? setup.PrescriberId : null,
            RoomId = s.Type == AppointmentType.Dosing ? setup.DosingRoomId : setup.TherapyRoomId,
        })];
    }

    public async Task<PlanReview> ReviewAsync(CoursePlanContext context, IReadOnlyList<PlanItemInput> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        return await reviewer.ReviewAsync(context.Course.Patient.Id, items, zone, cancellationToken);
    }

    /// <returns>How many appointments were booked (all the items).</returns>
    public async Task<int> BookAsync(
        Guid courseId, IReadOnlyList<PlanItemInput> items, BookingActor actor, bool confirmOutsideHours, bool confirmPastTime,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(actor);
        var context = await GetContextAsync(courseId, cancellationToken);
        var patientId = context.Course.Patient.Id;
        await checks.PatientAsync(patientId, string.Empty, cancellationToken);
        await checks.CourseAsync(courseId, patientId, string.Empty, cancellationToken);
        if (items.Count == 0)
        {
            throw new RuleViolationException("There is nothing to book: propose the series first.");
        }

        await ValidateItemsAsync(items, cancellationToken);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var review = await reviewer.ReviewAsync(patientId, items, zone, cancellationToken);
        var warnings = items.SelectMany((item, i) => BookingWarnings.Unconfirmed(
                review.Items[i].OutsideHours, review.Items[i].InPast, ClinicTimes.Brief(review.Items[i].StartsAt, review.Items[i].EndsAt, zone),
                actor, confirmOutsideHours, confirmPastTime)
            .Select(f => f.PropertyName == nameof(IAppointmentTimes.StartTime)
                ? new ValidationFailure($"Items[{i}].StartTime", f.ErrorMessage)
                : new ValidationFailure(f.PropertyName, $"{item.Label}: {f.ErrorMessage}"))).ToList();
        if (warnings.Count > 0)
        {
            throw new ValidationException(warnings);
        }

        // No pre-check for clashes: PostgreSQL decides, for every item at once, even against a booking made this second.
        var now = clock.GetUtcNow();
        db.Appointments.AddRange(review.Items.Select(r => new Appointment(
            patientId, items[r.Index].Type, items[r.Index].ClinicianId!.Value, items[r.Index].PrescriberId, items[r.Index].RoomId,
            r.StartsAt, r.EndsAt, courseId, actor.UserId, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (AppointmentConflicts.IsOverlap(ex))
        {
            db.ChangeTracker.Clear();
            throw new PlanConflictException(await reviewer.ReviewAsync(patientId, items, zone, cancellationToken), ex);
        }

        return items.Count;
    }

    private async Task ValidateItemsAsync(IReadOnlyList<PlanItemInput> items, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < items.Count; i++)
        {
            var result = await itemValidator.ValidateAsync(items[i], cancellationToken);
            failures.AddRange(result.Errors.Select(e => new ValidationFailure($"Items[{i}].{e.PropertyName}", e.ErrorMessage)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        // Each distinct reference once, reported on the first item that uses it.
        foreach (var (id, i) in items.Select((item, i) => (item.ClinicianId!.Value, i)).DistinctBy(x => x.Item1))
        {
            await checks.ClinicianAsync(id, $"Items[{i}].ClinicianId", cancellationToken);
        }

        foreach (var (id, i) in items.Select((item, i) => (item.PrescriberId, i)).Where(x => x.PrescriberId is not null).DistinctBy(x => x.PrescriberId))
        {
            await checks.PrescriberAsync(id!.Value, $"Items[{i}].PrescriberId", cancellationToken);
        }

        foreach (var (room, type, i) in items.Select((item, i) => (item.RoomId, item.Type, i)).Where(x => x.RoomId is not null).DistinctBy(x => (x.RoomId, x.Type)))
        {
            await checks.RoomAsync(room!.Value, type, $"Items[{i}].RoomId", cancellationToken);
        }
    }
}
