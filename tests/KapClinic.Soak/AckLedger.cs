using System.Collections.Concurrent;

namespace KapClinic.Soak;

/// <summary>
/// Every write the simulated users submitted, with whether the app acknowledged it. After the run <see cref="Check"/>
/// compares it with the rows the database holds per marker: an acknowledged write must be there exactly once; one that
/// was never acknowledged (the outage swallowed every attempt) may be there once or not at all, never twice.
/// </summary>
public sealed class AckLedger
{
    private readonly ConcurrentDictionary<(WriteKind Kind, string Marker), LedgerEntry> entries = new();

    public IReadOnlyList<LedgerEntry> Entries => [.. entries.Values];

    /// <summary>One more attempt to submit the write (the first, or a retry of the same form).</summary>
    public void Submitted(WriteKind kind, string marker) =>
        entries.AddOrUpdate((kind, marker), _ => new LedgerEntry(kind, marker, false, 1), (_, e) => e with { Attempts = e.Attempts + 1 });

    /// <summary>The app answered a submit of this write with its success response.</summary>
    public void Acknowledged(WriteKind kind, string marker) =>
        entries.AddOrUpdate((kind, marker), _ => new LedgerEntry(kind, marker, true, 1), (_, e) => e with { Acknowledged = true });

    public IReadOnlyList<string> Markers(WriteKind kind) => [.. entries.Keys.Where(k => k.Kind == kind).Select(k => k.Marker)];

    /// <summary>The entries the database contradicts, given its row count per (kind, marker) (absent: no row).</summary>
    public static IReadOnlyList<LedgerFinding> Check(IEnumerable<LedgerEntry> entries, IReadOnlyDictionary<(WriteKind Kind, string Marker), int> rows)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(rows);
        var findings = new List<LedgerFinding>();
        foreach (var entry in entries)
        {
            var count = rows.GetValueOrDefault((entry.Kind, entry.Marker));
            if ((entry.Acknowledged && count != 1) || count > 1)
            {
                findings.Add(new LedgerFinding(entry, count));
            }
        }

        return findings;
    }
}
