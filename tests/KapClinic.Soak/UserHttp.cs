using System.Diagnostics;
using KapClinic.LoadSupport;

namespace KapClinic.Soak;

/// <summary>Sends one request of a simulated user, times it and counts it in the run's statistics.</summary>
public sealed class UserHttp(ClinicClient client, RunStats stats, bool friendly503Allowed)
{
    public ClinicClient Client => client;

    public Task<Outcome> GetAsync(string label, string url, CancellationToken cancellationToken) =>
        SendAsync(label, () => client.Http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken), cancellationToken);

    public Task<Outcome> PostAsync(string label, string url, PageForm form, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendAsync(label, () => client.PostFormAsync(url, form, fields, cancellationToken), cancellationToken);

    private async Task<Outcome> SendAsync(string label, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Outcome outcome;
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            outcome = new Outcome((int)response.StatusCode, body, response.Headers.Location?.OriginalString, watch.Elapsed, null);
        }
        catch (HttpRequestException ex)
        {
            outcome = new Outcome(0, string.Empty, null, watch.Elapsed, ex.Message);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = new Outcome(0, string.Empty, null, watch.Elapsed, "timeout: " + ex.Message);
        }

        stats.Record(label, outcome, friendly503Allowed);
        if (outcome.IsRedirect && outcome.Location?.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            stats.SignedOut(label);
        }

        return outcome;
    }
}
