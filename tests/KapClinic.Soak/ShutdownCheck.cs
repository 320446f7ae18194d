using System.Diagnostics;
using KapClinic.LoadSupport;

namespace KapClinic.Soak;

/// <summary>
/// SIGTERM, as systemd or Kubernetes stops the app, while signed-in users' requests are in flight: they must complete
/// (200), and the process must exit with code 0 within 30 s.
/// </summary>
public static class ShutdownCheck
{
    public static async Task<ShutdownResult> RunAsync(AppProcess app, IReadOnlyList<ClinicClient> clients, LoadWorld world)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(world);
        var urls = new[] { "/Reports/dosing-log", "/Patients", $"/Patients/{world.Patients[0]}", "/Schedule/Today" };
        var requests = clients.Take(8).Select((c, i) => GetAsync(c, urls[i % urls.Length])).ToList();
        await Task.Delay(15);
        var watch = Stopwatch.StartNew();
        app.SendSigterm();
        var results = await Task.WhenAll(requests);
        var exited = await app.WaitForExitAsync(ShutdownResult.Limit);
        var failures = results.Where(r => r is not null).Select(r => r!).ToList();
        return new ShutdownResult(requests.Count, results.Count(r => r is null), failures, exited, exited ? app.ExitCode : null, watch.Elapsed);
    }

    /// <returns>Null when the request completed with 200; otherwise what happened.</returns>
    private static async Task<string?> GetAsync(ClinicClient client, string url)
    {
        try
        {
            using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
            await response.Content.ReadAsStringAsync();
            return (int)response.StatusCode == 200 ? null : $"GET {url}: {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return $"GET {url}: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
