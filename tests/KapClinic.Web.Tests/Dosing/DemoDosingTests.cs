using KapClinic.Core.Courses;
using KapClinic.Core.Demo;
using KapClinic.Core.Dosing;
using KapClinic.Core.Scheduling;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The demo clinic's dosing sessions are real ones: signed with verifiable hashes, one under way now.</summary>
public sealed class DemoDosingTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_demo_has_signed_iv_sublingual_and_esketamine_sessions_an_adverse_event_an_override_and_one_under_way_now()
    {
        await SeedAsync();
        var sessions = await SessionsAsync();
        var signed = sessions.Where(s => s.IsSigned).ToList();

        Assert.All(signed, s => Assert.True(s.VerifyHash(), $"Demo dosing session {s.Id} fails its hash check."));
        Assert.All(signed, s => Assert.True(s.IsDischarged && s.Readings.Count >= 3 && s.PreDoseCssrsRisk is not null));
        var iv = signed.Where(s => s.Route == AdministrationRoute.Intravenous).ToList();
        Assert.True(iv.Count >= 2, $"Only {iv.Count} signed IV sessions.");
        Assert.All(iv, s => Assert.Equal(40, (s.Administrations.Single().InfusionEndAt!.Value - s.Administrations.Single().AdministeredAt).TotalMinutes));
        Assert.All(iv, s => Assert.InRange(s.Administrations.Single().MgPerKg!.Value, 0.5m, 0.52m));
        Assert.Contains(iv, s => s.Readings.Any(r => r.Moaas == 3) && s.Readings.Any(r => r.Dissociation == Dissociation.Present));
        var sublingual = Assert.Single(signed, s => s.Route == AdministrationRoute.Sublingual);
        Assert.Equal([200m, 100m], sublingual.Administrations.OrderBy(a => a.Sequence).Select(a => a.DoseMg));
        var esketamine = signed.Where(s => s.Drug == DrugKind.Esketamine).ToList();
        Assert.Contains(esketamine, s => s.Administrations.Single().DeviceCount == 3 && s.ReadyToLeaveAt is not null
            && s.DischargedAt - s.FirstDoseAt == TimeSpan.FromMinutes(125));

        var submitted = await WithDbAsync(App, db => db.RemsSubmissions.Select(r => r.SessionId).ToListAsync());
        Assert.NotEmpty(submitted);
        var due = Assert.Single(esketamine, s => !submitted.Contains(s.Id));
        Assert.InRange((SchedulingFixture.Now - due.StartedAt).TotalDays, 1, 7);

        var adverse = Assert.Single(sessions.SelectMany(s => s.AdverseEvents));
        Assert.Equal((AdverseEventType.NauseaVomiting, AdverseEventSeverity.Moderate), (adverse.Type, adverse.Severity));
        Assert.NotNull(adverse.ResolvedAt);
        var overridden = Assert.Single(sessions.SelectMany(s => s.Overrides));
        Assert.Equal(DosingGate.BloodPressureHold, overridden.Gate);
        Assert.Contains("162/98", overridden.Finding, StringComparison.Ordinal);

        var live = Assert.Single(sessions, s => !s.IsSigned);
        Assert.Equal(ClinicTimes.DateOf(SchedulingFixture.Now, Zone), ClinicTimes.DateOf(live.StartedAt, Zone));
        Assert.True(live.IsDosed && !live.IsDischarged && live.Administrations.Single().IsInfusionRunning);
        Assert.Equal(TimeSpan.FromMinutes(20), SchedulingFixture.Now - live.Readings.Max(r => r.TakenAt));
        Assert.True(MonitoringSchedule.NextFromReadings(live, live.Readings, DosingThresholds.Defaults, SchedulingFixture.Now)!.IsOverdue);

        // Integration notes follow the sessions of their course, which came before them.
        var follows = await WithDbAsync(App, db => db.IntegrationNotes.AsNoTracking().Where(n => n.FollowsDosingSessionId != null)
            .Select(n => new { n.CourseId, n.OccurredAt, SessionId = n.FollowsDosingSessionId!.Value }).ToListAsync());
        Assert.NotEmpty(follows);
        Assert.All(follows, f => Assert.Contains(signed, s => s.Id == f.SessionId && s.CourseId == f.CourseId && s.DischargedAt < f.OccurredAt));
    }

    [Fact]
    public async Task Seeding_the_demo_again_adds_no_dosing_sessions()
    {
        await SeedAsync();
        var before = await WithDbAsync(App, db => db.DosingSessions.CountAsync());

        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.KapClinicDbContext>();
            var prescriber = await db.Users.SingleAsync(u => u.Email == DemoSeeder.PrescriberEmail);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<DemoDosingSeeder>().SeedAsync(prescriber, []));
        }

        Assert.Equal(before, await WithDbAsync(App, db => db.DosingSessions.CountAsync()));
        Assert.True(before >= 8, $"Only {before} demo dosing sessions.");
    }

    // Whichever test runs first seeds the class's database.
    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private async Task<List<DosingSession>> SessionsAsync() =>
        await WithDbAsync(App, db => db.DosingSessions.AsNoTracking()
            .Include(s => s.Administrations).Include(s => s.Readings).Include(s => s.AdverseEvents).Include(s => s.Overrides)
            .AsSplitQuery().ToListAsync());
}
