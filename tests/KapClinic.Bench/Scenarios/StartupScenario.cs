using KapClinic.Bench.Data;
using KapClinic.Bench.Report;
using KapClinic.LoadSupport;

namespace KapClinic.Bench.Scenarios;

/// <summary>Process start to the first 200 from /health/ready on the existing (migrated, large) database: the median of three starts.</summary>
public static class StartupScenario
{
    public static async Task<ScenarioResult> RunAsync(BenchDatabase database, string resultsDirectory, CancellationToken cancellationToken)
    {
        Console.WriteLine("==> Start-up on the existing database (3 starts)");
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            await using var app = AppProcess.Start(new AppProcessOptions
            {
                ConnectionString = database.AppConnectionString,
                OwnerConnectionString = database.OwnerConnectionString,
                LogFile = Path.Combine(resultsDirectory, $"app-start-{i + 1}.log"),
            });
            times.Add(await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(1), cancellationToken));
        }

        times.Sort();
        var median = times[1];
        Console.WriteLine($"    {string.Join(", ", times.Select(ResultTable.Seconds))}");
        return new ScenarioResult(
            "Start-up to /health/ready (median of 3)", ResultTable.Seconds(median), "-", null, "< 5 s", median < TimeSpan.FromSeconds(5),
            $"all: {string.Join(", ", times.Select(ResultTable.Seconds))}");
    }
}
