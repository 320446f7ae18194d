using System.Diagnostics;
using System.Globalization;

namespace KapClinic.Bench.Load;

/// <summary>Runs wrk on loopback with the same threads and connections for the app and its floor.</summary>
public sealed class WrkRunner(int threads, int connections, string workDirectory)
{
    public int Threads => threads;

    public int Connections => connections;

    public async Task<WrkResult> RunAsync(Uri url, string script, TimeSpan duration, CancellationToken cancellationToken, int? connectionsOverride = null)
    {
        var scriptFile = Path.Combine(workDirectory, $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(scriptFile, script, cancellationToken);
        try
        {
            var c = connectionsOverride ?? connections;
            var start = new ProcessStartInfo("wrk",
            [
                "-t", Math.Min(threads, c).ToString(CultureInfo.InvariantCulture),
                "-c", c.ToString(CultureInfo.InvariantCulture),
                "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s",
                "--timeout", "30s",
                "--latency",
                "-s", scriptFile,
                url.ToString(),
            ])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var errors = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await errors}{await output}");
                }

                return WrkOutputParser.Parse(await output);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }
}
