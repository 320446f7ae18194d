namespace KapClinic.Soak;

/// <summary>Everything a run measured, and the verdict (<see cref="Failures"/> empty: pass).</summary>
public sealed record SoakResult(
    SoakOptions Options,
    TimeSpan LoadTime,
    TimeSpan StartupTime,
    int Actions,
    RunStats Stats,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<LedgerFinding> LedgerFindings,
    IReadOnlyList<MemorySample> Memory,
    MemoryVerdict MemoryVerdict,
    int PoolExhaustionLines,
    IReadOnlyList<FaultEvent> Faults,
    ShutdownResult? Shutdown)
{
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            Add(failures, Stats.TransportErrors > 0, $"{Stats.TransportErrors} transport error(s)");
            Add(failures, Stats.ServerErrors > 0, Options.Faults ? $"{Stats.ServerErrors} 5xx answer(s) other than the friendly 503" : $"{Stats.ServerErrors} 5xx answer(s)");
            Add(failures, Stats.SignedOutCount > 0, $"{Stats.SignedOutCount} answer(s) sent a signed-in user to the sign-in page");
            Add(failures, !Options.Faults && Stats.RejectedWrites > 0, $"{Stats.RejectedWrites} unexpected answer(s) (a submit refused, a page without its form)");
            Add(failures, PoolExhaustionLines > 0, $"{PoolExhaustionLines} connection-pool exhaustion line(s) in the app log");
            Add(failures, !Options.Faults && MemoryVerdict.Failed, "memory not steady: " + MemoryVerdict.Reason);
            var missing = LedgerFindings.Count(f => f.Missing);
            var duplicated = LedgerFindings.Count(f => f.Duplicated);
            Add(failures, missing > 0, $"{missing} acknowledged write(s) missing from the database");
            Add(failures, duplicated > 0, $"{duplicated} write(s) applied more than once");
            Add(failures, !Ledger.Any(e => e.Acknowledged), "no write was acknowledged");
            foreach (var fault in Faults.Where(f => !f.Passed))
            {
                failures.Add($"{fault.Name}: {fault.Note}");
            }

            Add(failures, Options.Faults && Faults.Count < 3, "not every fault ran");
            Add(failures, Shutdown is { Passed: false }, "graceful shutdown: " + Shutdown?.Summary);
            return failures;
        }
    }

    public bool Passed => Failures.Count == 0;

    private static void Add(List<string> failures, bool when, string text)
    {
        if (when)
        {
            failures.Add(text);
        }
    }
}
