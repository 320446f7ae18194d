namespace KapClinic.DataGenerator;

/// <summary>What a run did: its outcome, the rows written per table and how long it took.</summary>
public sealed record GenerationSummary(
    GenerationOutcome Outcome,
    string Database,
    ScaleProfile Profile,
    IReadOnlyDictionary<string, long> RowsPerTable,
    TimeSpan Elapsed)
{
    public long TotalRows => RowsPerTable.Values.Sum();
}
