using System.Globalization;
using System.Text;

namespace KapClinic.Soak;

/// <summary>The run's Markdown summary (printed, and written to bench-results/).</summary>
public static class SoakReport
{
    public static string Markdown(SoakResult result, DateTime startedUtc)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = new StringBuilder();
        var mode = result.Options.Faults ? "faults" : "soak";
        var o = result.Options;
        Line(s, $"# KapClinic {mode} run, {startedUtc:yyyy-MM-dd HH:mm} UTC: {(result.Passed ? "PASS" : "FAIL")}");
        Line(s);
        Line(s, $"{o.Users} users ({o.Users - o.StaffUsers} clinicians, {o.StaffUsers} staff), think time {o.ThinkMin.TotalSeconds:0.0}-{o.ThinkMax.TotalSeconds:0.0} s, " +
            $"load {result.LoadTime.TotalMinutes:0.0} min, {Environment.ProcessorCount} cores; app ready {result.StartupTime.TotalSeconds:0.0} s after start.");
        Line(s);
        if (result.Failures.Count > 0)
        {
            Line(s, "## Failures");
            foreach (var failure in result.Failures)
            {
                Line(s, $"- {failure}");
            }

            Line(s);
        }

        var st = result.Stats;
        var rate = st.Requests / Math.Max(1, result.LoadTime.TotalSeconds);
        Line(s, "## Requests");
        Line(s, $"{st.Requests} requests ({rate:0.0}/s) in {result.Actions} user actions; transport errors {st.TransportErrors}, 5xx (not friendly) {st.ServerErrors}, " +
            $"friendly 503 {st.FriendlyUnavailable}, unexpected answers {st.RejectedWrites}, sent to sign-in {st.SignedOutCount}.");
        Line(s);
        Line(s, "| request | count | p50 ms | p99 ms | max ms |");
        Line(s, "|---|---:|---:|---:|---:|");
        foreach (var (label, values) in st.Latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Line(s, $"| {label} | {values.Count} | {Percentiles.Of(values, 50):0} | {Percentiles.Of(values, 99):0} | {values.Max():0} |");
        }

        Line(s);
        Line(s, "## Writes");
        foreach (var kind in Enum.GetValues<WriteKind>())
        {
            var entries = result.Ledger.Where(e => e.Kind == kind).ToList();
            Line(s, $"- {kind}: {entries.Count(e => e.Acknowledged)} acknowledged, {entries.Count(e => !e.Acknowledged)} never acknowledged, " +
                $"{entries.Count(e => e.Attempts > 1)} retried after an outage");
        }

        var findings = result.LedgerFindings;
        Line(s, findings.Count == 0
            ? "- Database check: every acknowledged write is there exactly once; no write is there twice."
            : $"- Database check: {findings.Count} problem(s): " + string.Join("; ", findings.Take(5)));
        Line(s);
        Line(s, "## Memory (RSS)");
        var m = result.MemoryVerdict;
        Line(s, $"{result.Memory.Count} samples; first {MemoryRule.Mib(result.Memory.Count == 0 ? 0 : result.Memory[0].ResidentBytes)}, peak {MemoryRule.Mib(m.Peak)}. {m.Reason}");
        Line(s, "Curve, MiB (ten points across the run): " + string.Join(" ", Curve(result.Memory)));
        Line(s, $"Connection-pool exhaustion lines in the app log: {result.PoolExhaustionLines}.");
        if (result.Faults.Count > 0)
        {
            Line(s);
            Line(s, "## Faults");
            foreach (var f in result.Faults)
            {
                Line(s, $"- {f.Name} at {f.Began.TotalSeconds:0} s-{f.Ended.TotalSeconds:0} s: {f.Note}{(f.Passed ? string.Empty : " **FAIL**")}");
            }
        }

        if (result.Shutdown is { } shutdown)
        {
            Line(s);
            Line(s, $"## Graceful shutdown: {(shutdown.Passed ? "pass" : "FAIL")}");
            Line(s, shutdown.Summary + ".");
        }

        if (st.Samples.Count > 0)
        {
            Line(s);
            Line(s, "## Samples of what went wrong");
            foreach (var sample in st.Samples.Take(12))
            {
                Line(s, $"- {sample}");
            }
        }

        return s.ToString();
    }

    private static IEnumerable<string> Curve(IReadOnlyList<MemorySample> samples)
    {
        if (samples.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < 10; i++)
        {
            yield return (samples[i * (samples.Count - 1) / 9].ResidentBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static void Line(StringBuilder s, string text = "") => s.Append(text).Append('\n');
}
