namespace KapClinic.TestSupport;

/// <summary>How a <see cref="PostgresCluster"/> is made and run.</summary>
public sealed record PostgresClusterOptions
{
    /// <summary>Keep the cluster here across runs (reused when it exists); null: a throwaway cluster under the temp directory.</summary>
    public string? Directory { get; init; }

    /// <summary>
    /// fsync and synchronous commit on, as in production. Off (the default) suits throwaway test data only; a run that
    /// checks acknowledged writes across a restart wants it on.
    /// </summary>
    public bool Durable { get; init; }

    public int MaxConnections { get; init; } = 300;

    /// <summary>Further server settings (<c>-c name=value</c>), e.g. shared_buffers for a benchmark.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
