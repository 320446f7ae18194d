using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Preparation;

/// <summary>Writes preparation notes: create a draft, edit it, and sign it (the author only).</summary>
public sealed class PreparationSessionService(
    KapClinicDbContext db,
    PreparationSessionQueries queries,
    ClinicalNoteService notes,
    ClinicSettingsService settings,
    IValidator<PreparationSessionInput> validator,
    TimeProvider clock)
{
    /// <summary>Creates the note as a draft of <paramref name="authorId"/>, or signed at once when <paramref name="sign"/>.</summary>
    public async Task<Guid> CreateAsync(
        Guid patientId, Guid courseId, PreparationSessionInput input, Guid authorId, bool sign, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(input, sign, cancellationToken);
        var course = await queries.CourseAsync(patientId, courseId, cancellationToken);
        if (!course.AcceptsNewSessions)
        {
            throw new RuleViolationException($"This course is {course.Status.ToString().ToLowerInvariant()}: it takes no new preparation sessions.");
        }

        var now = clock.GetUtcNow();
        var session = new PreparationSession(patientId, courseId, authorId, await ContentAsync(patientId, input, cancellationToken), now);
        if (sign)
        {
            session.Sign(await notes.SignerAsync(authorId, cancellationToken), now);
        }

        db.PreparationSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Saves the draft over the version the form was opened with (a newer one is a conflict), and signs it after
    /// when <paramref name="sign"/>, all in one transaction. A signed note refuses.
    /// </summary>
    public async Task UpdateAsync(
        Guid patientId, Guid sessionId, PreparationSessionInput input, Guid actingUserId, bool sign, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(input, sign, cancellationToken);
        var content = await ContentAsync(patientId, input, cancellationToken);
        var signer = sign ? await notes.SignerAsync(actingUserId, cancellationToken) : null;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var session = await db.PreparationSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, cancellationToken)
                ?? throw new NotFoundException("That preparation session does not exist.");
            db.Entry(session).Property(s => s.Version).OriginalValue = input.Version;
            var now = clock.GetUtcNow();
            session.Update(content, now);
            await SaveDraftAsync(session, cancellationToken);
            if (signer is not null)
            {
                session.Sign(signer, now);
                await SaveDraftAsync(session, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>The stored note as the form shows it (times in the clinic's zone).</summary>
    public static PreparationSessionInput ToInput(PreparationSession session, TimeZoneInfo zone) => new()
    {
        OccurredAt = TimeZoneInfo.ConvertTime(session.OccurredAt, zone).DateTime,
        DurationMinutes = session.DurationMinutes,
        Modality = session.Modality,
        Intentions = session.Intentions,
        EducationTopics = [.. session.EducationTopics],
        ScreeningReviewed = session.ReviewedScreeningId is not null,
        ReviewedScreeningId = session.ReviewedScreeningId,
        MentalStatus = session.MentalStatus,
        SupportPerson = session.SupportPerson,
        RideHomeArranged = session.RideHomeArranged,
        Decision = session.Decision,
        DecisionRationale = session.DecisionRationale,
        Data = session.Data,
        Assessment = session.Assessment,
        Plan = session.Plan,
        Version = session.Version,
    };

    private Task SaveDraftAsync(PreparationSession session, CancellationToken cancellationToken) =>
        NoteDrafts.SaveAsync(db, session.Id, cancellationToken);

    private async Task ValidateAsync(PreparationSessionInput input, bool sign, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(
            input, o => o.IncludeRuleSets(PreparationSessionInputValidator.RuleSetsFor(sign)), cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }

    private async Task<PreparationContent> ContentAsync(Guid patientId, PreparationSessionInput input, CancellationToken cancellationToken)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var local = DateTime.SpecifyKind(input.OccurredAt!.Value, DateTimeKind.Unspecified);
        var occurredAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        if (occurredAt > clock.GetUtcNow().AddMinutes(15))
        {
            throw new RuleViolationException("OccurredAt", "The session cannot be in the future: write the note once it has taken place.");
        }

        var reviewed = input.ScreeningReviewed && input.ReviewedScreeningId is { } id
            ? await db.Screenings.AsNoTracking().Where(s => s.Id == id && s.PatientId == patientId).Select(s => new { s.Id, s.Result }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new RuleViolationException("ScreeningReviewed", "That screening is not this patient's. Reload the page and review the screening shown.")
            : null;
        if (input.Decision == ReadinessDecision.Ready && reviewed is not null)
        {
            // "Ready" rests on the screening as it stands now, not on a version a later change has replaced.
            var latestId = await db.Screenings.AsNoTracking().Where(s => s.PatientId == patientId)
                .OrderByDescending(s => s.VersionNumber).Select(s => s.Id).FirstAsync(cancellationToken);
            if (latestId != reviewed.Id)
            {
                throw new RuleViolationException("ScreeningReviewed", "The screening changed since this page was opened: review the latest version before deciding Ready.");
            }
        }

        return new PreparationContent(
            occurredAt,
            input.DurationMinutes!.Value,
            input.Modality!.Value,
            input.Intentions,
            input.EducationTopics,
            reviewed?.Id,
            reviewed?.Result,
            input.MentalStatus,
            input.SupportPerson,
            input.RideHomeArranged,
            input.Decision,
            input.DecisionRationale,
            input.Data,
            input.Assessment,
            input.Plan);
    }
}
