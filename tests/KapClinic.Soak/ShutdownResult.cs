namespace KapClinic.Soak;

/// <summary>What the graceful-shutdown check saw.</summary>
public sealed record ShutdownResult(int InFlight, int Completed, IReadOnlyList<string> Failures, bool Exited, int? ExitCode, TimeSpan ExitTime)
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public bool Passed => Failures.Count == 0 && Completed == InFlight && Exited && ExitCode == 0 && ExitTime <= Limit;

    public string Summary =>
        $"{Completed}/{InFlight} in-flight requests completed with 200; the process {(Exited ? $"exited with code {ExitCode} after {ExitTime.TotalSeconds:0.0} s" : $"was still running after {Limit.TotalSeconds:0} s")}" +
        (Failures.Count == 0 ? string.Empty : "; " + string.Join("; ", Failures));
}
