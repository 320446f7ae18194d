using System.Globalization;
using KapClinic.Core.Common;
using KapClinic.Core.Consents;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Courses;

/// <summary>
/// Is a course ready to dose? All of: the course is planned or active; at least the protocol's number of signed
/// preparation sessions; the latest signed readiness decision (by session time) is Ready; the latest screening
/// version is not Absolute, and when an earlier version was Absolute, the version that cleared it is signed by a
/// prescriber (that is how a prescriber documents clearance: a new, signed screening version without the absolute
/// contraindication); a current KAP treatment consent (today in the clinic's time zone). Two SQL commands.
/// The dosing feature enforces it.
/// </summary>
public sealed class ReadinessService(KapClinicDbContext db, ClinicSettingsService settings, TimeProvider clock)
{
    public async Task<Readiness> GetReadinessAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var zone = (await settings.GetAsync(cancellationToken)).TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var facts = await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.Id == courseId)
            .Select(c => new
            {
                c.Status,
                Planned = db.Protocols.Where(p => p.Id == c.ProtocolId).Select(p => p.PlannedPreparationSessions).First(),
                Signed = db.PreparationSessions.Count(s => s.CourseId == c.Id && s.Status == NoteStatus.Signed),
                LatestDecision = db.PreparationSessions
                    .Where(s => s.CourseId == c.Id && s.Status == NoteStatus.Signed)
                    .OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.SignedAt)
                    .Select(s => s.Decision)
                    .FirstOrDefault(),
                Screening = db.Screenings
                    .Where(s => s.PatientId == c.PatientId)
                    .OrderByDescending(s => s.VersionNumber)
                    .Select(s => new { s.VersionNumber, s.Result, s.SignedAt })
                    .FirstOrDefault(),
                EverAbsolute = db.Screenings.Any(s => s.PatientId == c.PatientId && s.Result == ScreeningResult.Absolute),
                ConsentCurrent = db.Consents.Any(k => k.PatientId == c.PatientId && k.Kind == ConsentKind.KapTreatment
                    && k.SignedOn <= today && k.ExpiresOn > today),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That treatment course does not exist.");

        var reasons = new List<string>();
        if (facts.Status is not (CourseStatus.Planned or CourseStatus.Active))
        {
            reasons.Add($"The course is {facts.Status.ToString().ToLowerInvariant()}.");
        }

        if (facts.Signed < facts.Planned)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{facts.Signed} of {facts.Planned} planned preparation sessions are signed."));
        }

        reasons.AddRange(facts.LatestDecision switch
        {
            ReadinessDecision.Ready => [],
            null => ["No signed preparation session has decided the patient is ready."],
            ReadinessDecision.NotYet => ["The latest signed readiness decision is Not yet."],
            _ => ["The latest signed readiness decision is Refer out."],
        });

        if (facts.Screening is null)
        {
            reasons.Add("No intake screening is recorded.");
        }
        else if (facts.Screening.Result == ScreeningResult.Absolute)
        {
            reasons.Add($"The latest screening (version {facts.Screening.VersionNumber}) has an absolute contraindication: dosing is blocked until a prescriber documents clearance.");
        }
        else if (facts.EverAbsolute && facts.Screening.SignedAt is null)
        {
            reasons.Add($"An earlier screening had an absolute contraindication; the version that clears it (version {facts.Screening.VersionNumber}) must be signed by a prescriber.");
        }

        if (!facts.ConsentCurrent)
        {
            reasons.Add("There is no current KAP treatment consent.");
        }

        return Readiness.From(reasons);
    }
}
