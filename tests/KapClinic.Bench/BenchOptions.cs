using System.Globalization;
using KapClinic.Bench.Data;

namespace KapClinic.Bench;

/// <summary>
/// The bench's few options. There is deliberately no option for a connection string: the bench only ever talks to the
/// PostgreSQL it starts itself (under <see cref="DataDirectory"/>).
/// </summary>
public sealed record BenchOptions
{
    public string DataDirectory { get; init; } = Path.Combine(".data", "bench-postgres");

    public string ResultsDirectory { get; init; } = "bench-results";

    public int Threads { get; init; } = 2;

    public int Connections { get; init; } = 16;

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Regenerate the data even where the database holds the same generated scale.</summary>
    public bool Force { get; init; }

    /// <summary>The scale of the main data set: large (the real bench) or small (a quick check that the tool works).</summary>
    public BenchScale MainScale { get; init; } = BenchScale.Large;

    /// <summary>The demo seed padded with SQL instead of the scale generator (a quick check without generating).</summary>
    public bool InterimData { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--data-dir" => options with { DataDirectory = Next() },
                "--results" => options with { ResultsDirectory = Next() },
                "--threads" => options with { Threads = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--connections" => options with { Connections = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--force" => options with { Force = true },
                "--scale" => options with { MainScale = Next() == "small" ? BenchScale.Small : BenchScale.Large },
                "--interim-data" => options with { InterimData = true },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Options: --duration SECONDS, --warmup SECONDS, --threads N, --connections N, --force, --scale small|large, --interim-data, --data-dir DIR, --results DIR. " +
                    "The bench runs only against the PostgreSQL it starts itself."),
            };
        }

        return options;
    }
}
