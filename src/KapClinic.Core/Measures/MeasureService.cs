using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Measures;

/// <summary>Records measures (validated and scored on the server) and reads a patient's trends.</summary>
public sealed class MeasureService(KapClinicDbContext db, IValidator<MeasureAnswersInput> validator, TimeProvider clock)
{
    /// <summary>Validates every item, scores, and stores answers with their score. Returns the new measure's id.</summary>
    public async Task<Guid> RecordAsync(
        Guid patientId,
        MeasureAnswersInput input,
        DateTimeOffset takenAt,
        Guid? courseId,
        Guid enteredBy,
        CancellationToken cancellationToken = default)
    {
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var now = clock.GetUtcNow();
        if (takenAt > now.AddMinutes(5))
        {
            throw new RuleViolationException("TakenAt", "The date taken cannot be in the future.");
        }

        if (!await db.Patients.AnyAsync(p => p.Id == patientId && !p.IsArchived, cancellationToken))
        {
            throw new NotFoundException("That patient does not exist.");
        }

        if (courseId is { } id && !await db.TreatmentCourses.AnyAsync(c => c.Id == id && c.PatientId == patientId, cancellationToken))
        {
            throw new RuleViolationException("CourseId", "Choose one of this patient's treatment courses.");
        }

        var answers = input.Answers.Select(a => a!.Value).ToList();
        var score = MeasureScoring.Score(input.Instrument, answers);
        var measure = new MeasureResponse(
            patientId,
            input.Instrument,
            answers,
            score.Total,
            score.Band,
            score.Severity?.ToString(),
            score.Alerts.Select(a => a.ToString()),
            score.Subscales,
            takenAt.ToUniversalTime(),
            enteredBy,
            courseId,
            sessionId: null,
            now);
        db.MeasureResponses.Add(measure);
        await db.SaveChangesAsync(cancellationToken);
        return measure.Id;
    }

    /// <summary>Every instrument the patient has taken, each with its points in time order. One SQL command.</summary>
    public async Task<IReadOnlyList<MeasureTrend>> GetTrendsAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var rows = await db.MeasureResponses.AsNoTracking()
            .Where(m => m.PatientId == patientId)
            .OrderBy(m => m.TakenAt)
            .Select(m => new { m.Instrument, Point = new MeasurePoint(m.Id, m.TakenAt, m.Total, m.Band) })
            .ToListAsync(cancellationToken);
        return MeasureTrend.FromPoints(rows.Select(r => (r.Instrument, r.Point)));
    }

    /// <summary>One stored measure with its item answers, for reading back.</summary>
    public async Task<MeasureResponse> GetAsync(Guid patientId, Guid measureId, CancellationToken cancellationToken = default) =>
        await db.MeasureResponses.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId && m.PatientId == patientId, cancellationToken)
        ?? throw new NotFoundException("That measure does not exist.");
}
