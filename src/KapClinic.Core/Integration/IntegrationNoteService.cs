using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Integration;

/// <summary>
/// Writes integration notes: start one (carrying forward the open homework of the course's latest signed note),
/// edit the draft, and sign it (the author only). A note and its homework rows are written as a draft first and
/// signed after, in one transaction: the database refuses homework rows for a note that is already signed.
/// </summary>
public sealed class IntegrationNoteService(
    KapClinicDbContext db,
    IntegrationNoteQueries queries,
    IntegrationContentReader reader,
    ClinicalNoteService notes,
    IValidator<IntegrationNoteInput> validator,
    TimeProvider clock)
{
    /// <summary>Creates the note as a draft of <paramref name="authorId"/>, signed at once when <paramref name="sign"/>. Returns its id.</summary>
    public async Task<Guid> CreateAsync(
        Guid patientId, Guid courseId, IntegrationNoteInput input, Guid authorId, bool sign, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(input, sign, cancellationToken);
        var course = await queries.CourseAsync(patientId, courseId, cancellationToken);
        if (!course.AcceptsNewSessions)
        {
            throw new RuleViolationException($"This course is {course.Status.ToString().ToLowerInvariant()}: it takes no new integration notes.");
        }

        var content = await reader.ReadAsync(patientId, courseId, input, [], cancellationToken);
        var signer = sign ? await notes.SignerAsync(authorId, cancellationToken) : null;
        var latestSigned = await queries.LatestSignedAsync(courseId, cancellationToken);
        var now = clock.GetUtcNow();
        var note = new IntegrationNote(patientId, courseId, authorId, content, latestSigned, now);
        await InTransactionAsync(
            async () =>
            {
                db.IntegrationNotes.Add(note);
                await db.SaveChangesAsync(cancellationToken);
                if (signer is not null && !note.IsSigned)
                {
                    note.Sign(signer, now);
                    await db.SaveChangesAsync(cancellationToken);
                }
            },
            cancellationToken);
        return note.Id;
    }

    /// <summary>
    /// Saves the draft over the version the form was opened with (a newer one is a conflict), and signs it after
    /// when <paramref name="sign"/>, all in one transaction. A signed note refuses.
    /// </summary>
    public async Task UpdateAsync(
        Guid patientId, Guid noteId, IntegrationNoteInput input, Guid actingUserId, bool sign, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(input, sign, cancellationToken);
        var stored = await db.IntegrationNotes.AsNoTracking().Where(n => n.Id == noteId && n.PatientId == patientId)
            .Select(n => new { n.Themes, n.CourseId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That integration note does not exist.");
        var content = await reader.ReadAsync(patientId, stored.CourseId, input, stored.Themes, cancellationToken);
        var signer = sign ? await notes.SignerAsync(actingUserId, cancellationToken) : null;
        await InTransactionAsync(
            async () =>
            {
                var note = await db.IntegrationNotes.Include(n => n.Homework)
                    .SingleOrDefaultAsync(n => n.Id == noteId && n.PatientId == patientId, cancellationToken)
                    ?? throw new NotFoundException("That integration note does not exist.");
                db.Entry(note).Property(n => n.Version).OriginalValue = input.Version;
                var now = clock.GetUtcNow();
                note.Update(content, now);
                await SaveDraftAsync(note, cancellationToken);
                if (signer is not null)
                {
                    note.Sign(signer, now);
                    await SaveDraftAsync(note, cancellationToken);
                }
            },
            cancellationToken);
    }

    /// <summary>The stored note as the form shows it (times in the clinic's zone).</summary>
    public static IntegrationNoteInput ToInput(IntegrationNote note, TimeZoneInfo zone) => new()
    {
        OccurredAt = TimeZoneInfo.ConvertTime(note.OccurredAt, zone).DateTime,
        DurationMinutes = note.DurationMinutes,
        Modality = note.Modality,
        FollowsDosingSessionId = note.FollowsDosingSessionId,
        Format = note.Format,
        Subjective = note.Subjective,
        Objective = note.Objective,
        Data = note.Data,
        Assessment = note.Assessment,
        Plan = note.Plan,
        Themes = [.. note.Themes],
        Insights = note.Insights,
        Approaches = [.. note.Approaches],
        OtherApproach = note.OtherApproach,
        GoalsAndProgress = note.GoalsAndProgress,
        RiskMethod = note.RiskMethod,
        RiskLevel = note.RiskMethod == RiskCheckMethod.ClinicianJudgement ? note.RiskLevel : null,
        RiskNote = note.RiskNote,
        Homework = [.. note.Homework.OrderBy(i => i.Position).Select(i => new HomeworkInput { CarriedFromItemId = i.CarriedFromItemId, Text = i.Text, Status = i.Status })],
        Version = note.Version,
    };

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private Task SaveDraftAsync(IntegrationNote note, CancellationToken cancellationToken) =>
        NoteDrafts.SaveAsync(db, note.Id, cancellationToken);

    private async Task ValidateAsync(IntegrationNoteInput input, bool sign, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(input, o => o.IncludeRuleSets(IntegrationNoteInputValidator.RuleSetsFor(sign)), cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }
}
