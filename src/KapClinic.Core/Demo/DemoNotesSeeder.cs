using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Preparation;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Demo;

/// <summary>
/// The demo clinic's notes, by its one clinician: signed preparation sessions (ending Ready for patients who went
/// on to dosing, Not yet for those still eligible), signed integration notes whose homework carries forward from
/// note to note, and a few drafts, some older than the overdue limit so the dashboard lists them. Between the two,
/// the courses' dosing sessions (<see cref="DemoDosingSeeder"/>), so an integration note can name the session it
/// follows. Integration notes are saved in rounds (drafts, then signed): the database takes homework rows only for a draft.
/// </summary>
public sealed class DemoNotesSeeder(KapClinicDbContext db, DemoDosingSeeder dosing, TimeProvider clock)
{
    public async Task SeedAsync(ClinicUser clinician, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var signer = new NoteSigner(clinician.Id, clinician.DisplayName, clinician.Credentials, clinician.IsSupervisor);
        var courses = await db.TreatmentCourses.AsNoTracking()
            .Join(db.Patients, c => c.PatientId, p => p.Id, (c, p) => new { Course = c, p.Status, p.Mrn })
            .Join(db.Protocols, x => x.Course.ProtocolId, p => p.Id, (x, p) => new
            {
                x.Course.Id, x.Course.PatientId, x.Course.StartDate, PatientStatus = x.Status, x.Mrn, p.PlannedPreparationSessions, p.PlannedIntegrationSessions,
                Screening = db.Screenings.Where(s => s.PatientId == x.Course.PatientId).OrderByDescending(s => s.VersionNumber)
                    .Select(s => new { s.Id, s.Result }).First(),
                Cssrs = db.MeasureResponses.Where(m => m.PatientId == x.Course.PatientId && m.Instrument == Instrument.CssrsScreener)
                    .OrderByDescending(m => m.TakenAt).Select(m => new { m.Id, m.Alerts }).FirstOrDefault(),
            })
            .OrderBy(x => x.Mrn)
            .ToListAsync(cancellationToken);

        var chains = new List<IntegrationChain>();
        for (var i = 0; i < courses.Count; i++)
        {
            var c = courses[i];
            var start = new DateTimeOffset(c.StartDate.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
            var dosing = c.PatientStatus is PatientStatus.Active or PatientStatus.Maintenance or PatientStatus.Discharged;
            var planned = Math.Max(1, c.PlannedPreparationSessions);
            for (var n = 1; n <= planned; n++)
            {
                var decision = dosing && n == planned ? ReadinessDecision.Ready : ReadinessDecision.NotYet;
                var at = start.AddDays(-4 * (planned - n + 1));
                AddPreparation(new PreparationSession(
                    c.PatientId, c.Id, clinician.Id, DemoNoteContent.Preparation(at, n, decision, c.Screening.Id, c.Screening.Result), at.AddHours(1)), signer, at.AddHours(2));
                if (!dosing)
                {
                    break;
                }
            }

            if (c.PatientStatus == PatientStatus.Eligible && i % 2 == 0)
            {
                // A second preparation session, still a draft five days on: overdue on the clinician's dashboard.
                var at = now.AddDays(-5);
                AddPreparation(new PreparationSession(c.PatientId, c.Id, clinician.Id, DemoNoteContent.Preparation(at, 2, ReadinessDecision.Ready, c.Screening.Id, c.Screening.Result), at.AddHours(1)), null, at);
            }

            if (dosing)
            {
                var count = c.PatientStatus == PatientStatus.Active ? 2 + (i % 2) : Math.Min(4, c.PlannedIntegrationSessions);
                var cssrs = c.Cssrs is null ? ((Guid, RiskLevel)?)null : (c.Cssrs.Id, IntegrationNoteQueries.LevelOf(c.Cssrs.Alerts));
                // Active patients: one more note left as a draft, the first of them four days old (overdue), the next fresh.
                var draftAt = c.PatientStatus == PatientStatus.Active && i % 3 != 2 ? (chains.Any(x => x.DraftAt is not null) ? now.AddHours(-3) : now.AddDays(-4)) : (DateTimeOffset?)null;
                chains.Add(new IntegrationChain(c.PatientId, c.Id, start, count, i, cssrs, draftAt));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var integrationToday = chains.Where(c => c.DraftAt > now.AddDays(-1)).Select(c => c.CourseId).ToList();
        var dosed = await dosing.SeedAsync(clinician, integrationToday, cancellationToken);
        await SeedIntegrationAsync(chains, dosed, clinician.Id, signer, cancellationToken);
    }

    private void AddPreparation(PreparationSession session, NoteSigner? signer, DateTimeOffset signedAt)
    {
        if (signer is not null)
        {
            session.Sign(signer, signedAt);
        }

        db.PreparationSessions.Add(session);
    }

    // Round r writes every chain's r-th note as a draft (carrying forward from its signed (r-1)-th), then signs it.
    // A signed note follows the dosing session of its number, when the course has one.
    private async Task SeedIntegrationAsync(
        List<IntegrationChain> chains, IReadOnlyDictionary<(Guid CourseId, int Number), Guid> dosed, Guid authorId, NoteSigner signer, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<Guid, IntegrationNote>();
        for (var round = 1; chains.Any(c => c.Rounds >= round); round++)
        {
            var written = new List<(IntegrationChain Chain, IntegrationNote Note, bool Sign, DateTimeOffset At)>();
            foreach (var chain in chains.Where(c => c.Rounds >= round))
            {
                var isDraft = round > chain.Count;
                var at = isDraft ? chain.DraftAt!.Value : chain.Start.AddDays(2 + (7 * (round - 1)));
                var previous = latest.GetValueOrDefault(chain.CourseId);
                var content = DemoNoteContent.Integration(
                    at, round, chain.Seed, previous?.Homework.Where(h => h.IsOutstanding).ToList() ?? [], round == chain.Count ? chain.Cssrs : null,
                    !isDraft && dosed.TryGetValue((chain.CourseId, round), out var follows) ? follows : null);
                var note = new IntegrationNote(chain.PatientId, chain.CourseId, authorId, content, previous, isDraft ? at : at.AddHours(1));
                db.IntegrationNotes.Add(note);
                written.Add((chain, note, !isDraft, at.AddHours(2)));
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (chain, note, sign, signedAt) in written.Where(w => w.Sign))
            {
                note.Sign(signer, signedAt);
                latest[chain.CourseId] = note;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed record IntegrationChain(
        Guid PatientId, Guid CourseId, DateTimeOffset Start, int Count, int Seed, (Guid Id, RiskLevel Level)? Cssrs, DateTimeOffset? DraftAt)
    {
        public int Rounds => DraftAt is null ? Count : Count + 1;
    }
}
