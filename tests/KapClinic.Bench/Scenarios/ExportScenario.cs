using System.Diagnostics;
using System.Globalization;
using System.Net;
using KapClinic.Bench.Data;
using KapClinic.Bench.Report;
using KapClinic.Core.Reports.DosingVitals;

namespace KapClinic.Bench.Scenarios;

/// <summary>
/// The dosing-vitals CSV export through the app (streamed to nowhere, the app's RSS sampled from /proc every 10 ms)
/// against psql's <c>\copy (the report's own SQL) TO STDOUT CSV</c>, for ~1,000,000 and ~100,000 readings.
/// </summary>
public static class ExportScenario
{
    public const long LargeRows = 1_000_000;
    public const long SmallRows = 100_000;
    private const long MemoryLimit = 300L * 1024 * 1024;
    private const long MemoryGrowthLimit = 50L * 1024 * 1024;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext bench, CancellationToken cancellationToken)
    {
        Console.WriteLine("==> CSV export (dosing vitals)");
        var owner = bench.Database.OwnerConnectionString;
        var large = await BenchTargets.ExportRangeAsync(owner, bench.Targets.TimeZoneId, LargeRows, cancellationToken);
        var small = await BenchTargets.ExportRangeAsync(owner, bench.Targets.TimeZoneId, SmallRows, cancellationToken);

        // Warm both sides (caches, JIT) with the small range, then measure.
        await CopyWithPsqlAsync(bench, small, cancellationToken);
        await ExportAsync(bench, small, cancellationToken);
        var smallRun = await ExportAsync(bench, small, cancellationToken);
        var largeFloor = await CopyWithPsqlAsync(bench, large, cancellationToken);
        var largeRun = await ExportAsync(bench, large, cancellationToken);
        Console.WriteLine($"    {large.Rows:#,0} rows: ours {ResultTable.Seconds(largeRun.Time)} (peak {ResultTable.Megabytes(largeRun.PeakBytes)}), psql {ResultTable.Seconds(largeFloor)}; " +
            $"{small.Rows:#,0} rows: peak {ResultTable.Megabytes(smallRun.PeakBytes)}");

        var ratio = largeRun.Time / largeFloor;
        var rowsNote = Math.Abs(largeRun.Lines - large.Rows) <= 1 ? null : $"the CSV held {largeRun.Lines - 1:#,0} rows, the range {large.Rows:#,0}";
        var growth = largeRun.PeakBytes - smallRun.PeakBytes;
        return
        [
            new ScenarioResult(
                $"CSV export, {large.Rows:#,0} vitals rows ({large.From:yyyy-MM-dd}..{large.To:yyyy-MM-dd})",
                $"{ResultTable.Seconds(largeRun.Time)} ({largeRun.Bytes / 1024d / 1024d:0} MB)",
                $"{ResultTable.Seconds(largeFloor)} (psql \\copy)",
                ratio, "<= 2.00x", rowsNote is null && ratio <= 2, rowsNote),
            new ScenarioResult(
                "CSV export peak memory (app RSS)",
                $"{ResultTable.Megabytes(largeRun.PeakBytes)} at {large.Rows:#,0} rows",
                $"{ResultTable.Megabytes(smallRun.PeakBytes)} at {small.Rows:#,0} rows",
                null,
                "< 300 MB, within 50 MB",
                largeRun.PeakBytes < MemoryLimit && growth <= MemoryGrowthLimit,
                $"+{growth / 1024d / 1024d:0} MB; {ResultTable.Megabytes(largeRun.StartBytes)} before"),
        ];
    }

    /// <summary>The report's rows statement with the range's instants and no clinician filter written in, for psql.</summary>
    public static string CopyStatement(ExportRange range, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(range);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        string Instant(DateOnly day) =>
            "'" + TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00'::timestamptz";
        var sql = DosingVitalsSql.Rows
            .Replace("$1", Instant(range.From), StringComparison.Ordinal)
            .Replace("$2", Instant(range.To.AddDays(1)), StringComparison.Ordinal)
            .Replace("$3", "NULL", StringComparison.Ordinal)
            .ReplaceLineEndings(" ");
        return $"\\copy ({sql}) TO STDOUT CSV";
    }

    private static async Task<TimeSpan> CopyWithPsqlAsync(BenchContext bench, ExportRange range, CancellationToken cancellationToken)
    {
        var psql = Path.Combine(bench.Cluster.BinDirectory, "psql");
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"\"{psql}\" -X -q -h 127.0.0.1 -p {bench.Cluster.Port} -U postgres -d {bench.Database.Name} -c \"$BENCH_COPY\" > /dev/null"])
        {
            RedirectStandardError = true,
        };
        start.Environment["BENCH_COPY"] = CopyStatement(range, bench.Targets.TimeZoneId);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start psql.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql \\copy failed: {await errors}");
        }

        return clock.Elapsed;
    }

    private static async Task<ExportRun> ExportAsync(BenchContext bench, ExportRange range, CancellationToken cancellationToken)
    {
        var url = $"/Reports/dosing-vitals?handler=Export&format=csv&from={range.From:yyyy-MM-dd}&to={range.To:yyyy-MM-dd}";
        var startBytes = bench.App.ResidentBytes();
        long peak = startBytes;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, bench.App.ResidentBytes());
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        long bytes = 0, lines = 0;
        try
        {
            using var response = await bench.Client.Http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The export answered {(int)response.StatusCode}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            clock.Stop();
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
        }

        peak = Math.Max(peak, bench.App.ResidentBytes());
        return new ExportRun(clock.Elapsed, bytes, lines, startBytes, peak);
    }

    private sealed record ExportRun(TimeSpan Time, long Bytes, long Lines, long StartBytes, long PeakBytes);
}
