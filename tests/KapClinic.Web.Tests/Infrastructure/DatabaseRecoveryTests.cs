using System.Diagnostics;
using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Infrastructure;

/// <summary>
/// The database stops, restarts or has every connection cut under a signed-in user (issue 11): during an outage the 503
/// page comes at once and /health/ready is red; afterwards the app recovers by itself, and a cut or restarted
/// connection costs no request at all.
/// </summary>
public sealed class DatabaseRecoveryTests(PrivateServerFixture fixture) : IClassFixture<PrivateServerFixture>
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(3);

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task While_the_server_is_stopped_a_signed_in_page_answers_503_at_once_ready_is_red_and_both_recover_after_it_starts()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        using var probe = App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await fixture.Cluster.StopServerAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.GetAsync("/Patients");
                watch.Stop();

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.True(watch.Elapsed < Quick, $"The 503 page took {watch.Elapsed.TotalSeconds:0.0} s.");
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("database cannot be reached", html, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
                Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
            }

            var ready = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);
            Assert.True(ready.Elapsed < Quick, $"/health/ready took {ready.Elapsed.TotalSeconds:0.0} s.");
        }
        finally
        {
            await fixture.Cluster.StartServerAsync();
        }

        var back = Stopwatch.StartNew();
        while ((await probe.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(10), "/health/ready stayed red 10 s after the server started.");
            await Task.Delay(250);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Patients")).StatusCode); // the same sign-in, no restart
    }

    [Fact]
    public async Task After_every_connection_is_terminated_every_next_request_succeeds()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await FillThePoolAsync(client);

        Assert.True(await fixture.Cluster.TerminateConnectionsAsync(PrivateServerFixture.Database) > 0);

        await AssertEveryRequestSucceedsAsync(client);
    }

    [Fact]
    public async Task After_the_server_restarts_every_next_request_succeeds()
    {
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        await FillThePoolAsync(client);

        await fixture.Cluster.RestartServerAsync();

        await AssertEveryRequestSucceedsAsync(client);
    }

    [Fact]
    public async Task After_every_connection_is_terminated_csv_exports_run_whole()
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        await FillThePoolAsync(staff);

        Assert.True(await fixture.Cluster.TerminateConnectionsAsync(PrivateServerFixture.Database) > 0);
        var exports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            staff.GetAsync($"/Reports/{KapClinic.Core.Reports.ReportKeys.DosingVitals}?handler=Export&format=csv")));

        Assert.All(exports, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var export in exports)
        {
            Assert.StartsWith("text/csv", export.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            Assert.NotEmpty(await export.Content.ReadAsStringAsync()); // at least the heading line: the body completed
        }
    }

    // Several requests at once leave several idle connections in the pool, each of which the cut leaves dead.
    private static async Task FillThePoolAsync(HttpClient client)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync("/Patients")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    private async Task AssertEveryRequestSucceedsAsync(HttpClient client)
    {
        using var probe = App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync("/Patients")));
        Assert.All(concurrent, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
    }
}
