using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Dosing.DosingData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>The session row's version is checked on every change, even one that leaves the clinical_notes row as it was.</summary>
public sealed class SessionVersionTests(DosingFixture fixture) : IClassFixture<DosingFixture>
{
    [Fact]
    public async Task A_change_from_a_stale_version_is_refused_even_when_the_clock_stands_still()
    {
        var session = await SessionAsync(fixture, startedMinutesAgo: 30, dose: false);
        var stale = await VersionAsync(fixture.Factory, session.SessionId);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DosingSessionService>().WithholdAsync(session.PatientId, session.SessionId, "Patient declined today.", stale);
        }

        await using var second = fixture.Factory.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            second.ServiceProvider.GetRequiredService<DosingSessionService>().WithholdAsync(session.PatientId, session.SessionId, "Blood pressure 170/104.", stale));
        Assert.Equal("Patient declined today.", (await LoadAsync(fixture.Factory, session.SessionId)).DoseWithheldReason);
    }
}
