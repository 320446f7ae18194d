using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Integration;

/// <summary>
/// Turns the typed form into note content, checking it against the database: the time in UTC (not in the
/// future), the dosing session it follows (the course's, with a dose, before the note), themes from the clinic's list, the C-SSRS screener the risk check relies on (the patient's latest,
/// whose level it takes), and the homework rows (blank new rows dropped).
/// </summary>
public sealed class IntegrationContentReader(KapClinicDbContext db, ClinicSettingsService settings, TimeProvider clock)
{
    /// <summary>The content of <c>input</c>; <c>draftThemes</c> (those the draft already holds) stay allowed after being retired.</summary>
    public async Task<IntegrationContent> ReadAsync(
        Guid patientId, Guid courseId, IntegrationNoteInput input, IReadOnlyList<string> draftThemes, CancellationToken cancellationToken)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var local = DateTime.SpecifyKind(input.OccurredAt!.Value, DateTimeKind.Unspecified);
        var occurredAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        if (occurredAt > clock.GetUtcNow().AddMinutes(15))
        {
            throw new RuleViolationException("OccurredAt", "The session cannot be in the future: write the note once it has taken place.");
        }

        await EnsureFollowableAsync(patientId, courseId, input.FollowsDosingSessionId, occurredAt, cancellationToken);
        var (riskLevel, riskMeasureId) = await RiskAsync(patientId, input, cancellationToken);
        return new IntegrationContent(
            occurredAt,
            input.DurationMinutes!.Value,
            input.Modality!.Value,
            input.FollowsDosingSessionId,
            input.Format!.Value,
            input.Subjective,
            input.Objective,
            input.Data,
            input.Assessment,
            input.Plan,
            await ThemesAsync(input.Themes, draftThemes, cancellationToken),
            input.Insights,
            input.Approaches,
            input.OtherApproach,
            input.GoalsAndProgress,
            input.RiskMethod,
            riskLevel,
            input.RiskNote,
            riskMeasureId,
            [.. input.Homework.Where(h => !h.IsBlank).Select(h => new HomeworkContent(h.CarriedFromItemId, h.Text ?? string.Empty, h.Status ?? HomeworkStatus.Open))]);
    }

    private async Task EnsureFollowableAsync(Guid patientId, Guid courseId, Guid? sessionId, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        if (sessionId is not { } id)
        {
            return;
        }

        var dosing = await db.DosingSessions.AsNoTracking()
            .Where(s => s.Id == id && s.PatientId == patientId && s.CourseId == courseId && s.Administrations.Any())
            .Select(s => new { s.OccurredAt })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException("FollowsDosingSessionId", "Choose a dosing session of this course in which a dose was given.");
        if (dosing.OccurredAt > occurredAt)
        {
            throw new RuleViolationException("FollowsDosingSessionId", "An integration note can only follow a dosing session that took place before it.");
        }
    }

    private async Task<IReadOnlyList<string>> ThemesAsync(IReadOnlyList<string> chosen, IReadOnlyList<string> draftThemes, CancellationToken cancellationToken)
    {
        var keys = chosen.Where(t => !string.IsNullOrWhiteSpace(t)).Select(IntegrationTheme.KeyOf).Distinct().ToList();
        var known = await db.IntegrationThemes.AsNoTracking().Where(t => t.IsActive && keys.Contains(t.NameKey))
            .ToDictionaryAsync(t => t.NameKey, t => t.Name, cancellationToken);
        foreach (var kept in draftThemes)
        {
            known.TryAdd(IntegrationTheme.KeyOf(kept), kept);
        }

        if (keys.FirstOrDefault(k => !known.ContainsKey(k)) is { } unknown)
        {
            var name = chosen.First(t => !string.IsNullOrWhiteSpace(t) && IntegrationTheme.KeyOf(t) == unknown).Trim();
            throw new RuleViolationException("Themes", $"“{name}” is not one of the clinic's themes. Choose from the list; an administrator can add themes.");
        }

        return [.. keys.Select(k => known[k])];
    }

    private async Task<(RiskLevel? Level, Guid? MeasureId)> RiskAsync(Guid patientId, IntegrationNoteInput input, CancellationToken cancellationToken)
    {
        if (input.RiskMethod != RiskCheckMethod.CssrsScreener)
        {
            return (input.RiskMethod is null ? null : input.RiskLevel, null);
        }

        var latest = await db.MeasureResponses.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.Instrument == Instrument.CssrsScreener)
            .OrderByDescending(m => m.TakenAt).ThenByDescending(m => m.EnteredAt)
            .Select(m => new { m.Id, m.Alerts })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolationException(
                "RiskMethod",
                "No C-SSRS screener is recorded for this patient. Record one (the link opens a new tab) and save again, or use your clinical judgement.");
        return (IntegrationNoteQueries.LevelOf(latest.Alerts), latest.Id);
    }
}
