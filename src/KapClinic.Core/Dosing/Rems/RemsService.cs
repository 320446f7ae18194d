using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Dosing.Rems;

/// <summary>
/// Records that a session's REMS Patient Monitoring Form was submitted: once, for a signed esketamine session with
/// a dose, on a date from the session's day to today (clinic time). The audit row is written by the interceptor.
/// </summary>
public sealed class RemsService(
    KapClinicDbContext db, ClinicSettingsService settings, IValidator<RemsSubmissionInput> validator, TimeProvider clock)
{
    public async Task MarkSubmittedAsync(
        Guid patientId, Guid sessionId, DateOnly submittedOn, string confirmation, Guid userId, CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(new RemsSubmissionInput { SubmittedOn = submittedOn, ConfirmationNumber = confirmation }, cancellationToken);
        var session = await db.DosingSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.PatientId == patientId)
            .Select(s => new { s.Drug, s.Status, s.OccurredAt, Dosed = s.Administrations.Any(), Submitted = db.RemsSubmissions.Any(r => r.SessionId == s.Id) })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That dosing session does not exist.");
        if (session.Drug != DrugKind.Esketamine || !session.Dosed)
        {
            throw new RuleViolationException("Only an esketamine session with a dose has a REMS form.");
        }

        if (session.Status != NoteStatus.Signed)
        {
            throw new RuleViolationException("Sign the session note first: the REMS form is submitted from the signed record.");
        }

        if (session.Submitted)
        {
            throw new RuleViolationException("This session's REMS form is already marked as submitted.");
        }

        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var sessionDate = ClinicCalendar.DateOf(session.OccurredAt, zone);
        var today = ClinicCalendar.Today(clock, zone);
        if (submittedOn > today)
        {
            throw new RuleViolationException(nameof(RemsSubmissionInput.SubmittedOn), "The submission date cannot be in the future.");
        }

        if (submittedOn < sessionDate)
        {
            throw new RuleViolationException(nameof(RemsSubmissionInput.SubmittedOn), "The form cannot be submitted before the session took place.");
        }

        db.RemsSubmissions.Add(new RemsSubmission(sessionId, patientId, submittedOn, confirmation, userId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("Someone marked this session's REMS form as submitted a moment ago.", ex);
        }
    }
}
