using KapClinic.Core.Demo;
using KapClinic.Core.Notes;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Notes;

/// <summary>The demo clinic's notes are real signed notes: every hash verifies, homework exists, some drafts wait.</summary>
public sealed class DemoNotesTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_demo_notes_are_signed_with_verifiable_hashes_and_some_drafts_are_overdue()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        var preparation = await WithDbAsync(App, db => db.PreparationSessions.AsNoTracking().ToListAsync());
        var integration = await WithDbAsync(App, db => db.IntegrationNotes.AsNoTracking().Include(n => n.Homework).ToListAsync());
        var signed = preparation.Cast<ClinicalNote>().Concat(integration).Where(n => n.IsSigned).ToList();

        Assert.True(signed.Count >= 20, $"Only {signed.Count} signed demo notes.");
        Assert.All(signed, n => Assert.True(n.VerifyHash(), $"Demo note {n.Id} fails its hash check."));
        Assert.Contains(integration, n => n.Homework.Count > 0);
        Assert.Contains(preparation.Cast<ClinicalNote>().Concat(integration), n => !n.IsSigned);
    }
}
