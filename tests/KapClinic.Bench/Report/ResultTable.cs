using System.Globalization;
using System.Text;
using KapClinic.Bench.Load;

namespace KapClinic.Bench.Report;

/// <summary>The Markdown results table (scenario, ours, floor, ratio, target, pass/fail) and the cell formats it uses.</summary>
public static class ResultTable
{
    public static string Markdown(IEnumerable<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new StringBuilder()
            .AppendLine("| Scenario | Ours | Floor | Ratio | Target | Result |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var result = r.Passed ? "pass" : "**FAIL**";
            if (!string.IsNullOrEmpty(r.Note))
            {
                result += " (" + r.Note + ")";
            }

            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {Cell(r.Scenario)} | {Cell(r.Ours)} | {Cell(r.Floor)} | {(r.Ratio is { } ratio ? Ratio(ratio) : "-")} | {Cell(r.Target)} | {Cell(result)} |");
        }

        return table.ToString();
    }

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    /// <summary>"1,234 req/s, p50 4.1 ms, p99 12.0 ms".</summary>
    public static string Throughput(WrkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.RequestsPerSecond:#,0} req/s, p50 {Milliseconds(result.P50)}, p99 {Milliseconds(result.P99)}");
    }

    public static string Milliseconds(TimeSpan time) =>
        time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
