namespace KapClinic.DataGenerator;

/// <summary>Options of one generation run.</summary>
public sealed record GenerateOptions
{
    /// <summary>Write even into a database that already holds data this generator did not make (e.g. the demo data).</summary>
    public bool Force { get; init; }

    /// <summary>The random seed: the same seed, profile and <see cref="Today"/> give the same data.</summary>
    public int Seed { get; init; } = 20261128;

    /// <summary>The last day of history (appointments after it are bookings); today by default.</summary>
    public DateOnly? Today { get; init; }
}
