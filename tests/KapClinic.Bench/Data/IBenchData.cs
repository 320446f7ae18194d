using KapClinic.TestSupport;

namespace KapClinic.Bench.Data;

/// <summary>Fills (or reuses) a database of the bench's cluster at a scale, and names the user to sign in as.</summary>
public interface IBenchData
{
    /// <summary>What the report says about where the data came from.</summary>
    string Description { get; }

    Task<BenchDatabase> EnsureAsync(PostgresCluster cluster, string database, BenchScale scale, bool force, CancellationToken cancellationToken);
}
