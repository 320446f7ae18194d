using System.Globalization;

namespace KapClinic.Soak;

/// <summary>What a run does: how long, how many simulated users, and whether the database faults are injected.</summary>
public sealed record SoakOptions
{
    public double Minutes { get; init; } = 5;

    public int Users { get; init; } = 50;

    /// <summary>How many of the users are front-desk Staff (search, book, export); the rest are Clinicians.</summary>
    public int StaffUsers { get; init; } = 10;

    public bool Faults { get; init; }

    /// <summary>"scale": the scale data generator's small profile (1,000 patients with history, its load users); "demo": the demo clinic.</summary>
    public string Data { get; init; } = "scale";

    public TimeSpan ThinkMin { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ThinkMax { get; init; } = TimeSpan.FromSeconds(2);

    public string ResultsDirectory { get; init; } = "bench-results";

    public static string Usage =>
        "Usage: KapClinic.Soak [--minutes N] [--users N] [--faults] [--data scale|demo] [--results DIR]\n" +
        "  soak (default): 5 minutes of mixed load by 50 signed-in users; pass = no 5xx, no transport error, no pool\n" +
        "  exhaustion, steady memory, every acknowledged write in the database once.\n" +
        "  --faults: the same load (default 4 minutes) while PostgreSQL's connections are cut, it restarts, and it is\n" +
        "  stopped for 20 s; then a graceful-shutdown check (SIGTERM with requests in flight).";

    /// <summary>Parses the command line; null (after printing why) when it is wrong.</summary>
    public static SoakOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new SoakOptions();
        var minutesGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--minutes" when i + 1 < args.Count && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0:
                    options = options with { Minutes = minutes };
                    minutesGiven = true;
                    i++;
                    break;
                case "--users" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var users) && users > 1:
                    options = options with { Users = users, StaffUsers = Math.Max(1, users / 5) };
                    i++;
                    break;
                case "--results" when i + 1 < args.Count:
                    options = options with { ResultsDirectory = args[i + 1] };
                    i++;
                    break;
                case "--data" when i + 1 < args.Count && args[i + 1] is "scale" or "demo":
                    options = options with { Data = args[i + 1] };
                    i++;
                    break;
                case "--faults":
                    options = options with { Faults = true };
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument: {args[i]}");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }

        return options.Faults && !minutesGiven ? options with { Minutes = 4 } : options;
    }
}
