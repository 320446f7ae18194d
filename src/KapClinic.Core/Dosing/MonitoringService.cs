using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Dosing;

/// <summary>
/// The monitoring timeline: readings and adverse events are rows of their own, inserted without touching the
/// session row, so two clinicians adding readings at the same moment both succeed. A reading is one INSERT (with
/// its audit row, in one batch) after a small read of the session's times; the database refuses the row if the
/// session was signed in between.
/// </summary>
public sealed class MonitoringService(
    KapClinicDbContext db,
    ClinicSettingsService settings,
    IValidator<ReadingInput> readingValidator,
    IValidator<AdverseEventInput> eventValidator,
    TimeProvider clock)
{
    public async Task<Guid> AddReadingAsync(Guid patientId, Guid sessionId, ReadingInput input, Guid recordedBy, CancellationToken cancellationToken = default)
    {
        await readingValidator.ValidateAndThrowAsync(input, cancellationToken);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var header = await HeaderAsync(patientId, sessionId, cancellationToken);
        var reading = VitalsReading.Record(
            header,
            new VitalsReadingValues(
                ClinicTimes.ToUtc(input.TakenAt!.Value, zone),
                new VitalSigns(input.Systolic, input.Diastolic, input.HeartRate, input.SpO2, input.RespiratoryRate),
                input.Moaas, input.Dissociation, input.Cadss6, input.Nausea, input.Comment),
            recordedBy,
            clock.GetUtcNow());
        db.VitalsReadings.Add(reading);
        await SaveAsync(cancellationToken);
        return reading.Id;
    }

    public async Task<Guid> AddAdverseEventAsync(Guid patientId, Guid sessionId, AdverseEventInput input, Guid recordedBy, CancellationToken cancellationToken = default)
    {
        await eventValidator.ValidateAndThrowAsync(input, cancellationToken);
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var header = await HeaderAsync(patientId, sessionId, cancellationToken);
        var item = AdverseEvent.Record(
            header,
            new AdverseEventValues(
                input.Type!.Value, input.OtherType, input.Severity!.Value, ClinicTimes.ToUtc(input.OnsetAt!.Value, zone), input.ActionTaken!,
                input.ResolvedAt is { } resolved ? ClinicTimes.ToUtc(resolved, zone) : null),
            recordedBy,
            clock.GetUtcNow());
        db.AdverseEvents.Add(item);
        await SaveAsync(cancellationToken);
        return item.Id;
    }

    public async Task ResolveAdverseEventAsync(Guid patientId, Guid sessionId, Guid eventId, DateTime? resolvedAt, uint version, CancellationToken cancellationToken = default)
    {
        if (resolvedAt is null)
        {
            throw new RuleViolationException("ResolvedAt", "Enter when the event resolved.");
        }

        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var header = await HeaderAsync(patientId, sessionId, cancellationToken);
        var item = await db.AdverseEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.NoteId == sessionId, cancellationToken)
            ?? throw new NotFoundException("That adverse event does not exist.");
        db.Entry(item).Property(e => e.Version).OriginalValue = version;
        item.Resolve(header, ClinicTimes.ToUtc(resolvedAt.Value, zone), clock.GetUtcNow());
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("Someone else changed this adverse event a moment ago. Reload the session to see it.", ex);
        }
    }

    /// <summary>The session's times and state, for checking a new row against them. One small query.</summary>
    public async Task<SessionHeader> HeaderAsync(Guid patientId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.DosingSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.PatientId == patientId)
            .Select(s => new SessionHeader(s.Id, s.PatientId, s.OccurredAt, s.DischargedAt, s.Status == NoteStatus.Signed))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("That dosing session does not exist.");

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.InsufficientPrivilege })
        {
            throw new RuleViolationException("This session was signed a moment ago and can no longer change. Add an addendum instead.", ex);
        }
    }
}
