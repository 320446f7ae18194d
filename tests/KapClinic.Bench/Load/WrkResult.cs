namespace KapClinic.Bench.Load;

/// <summary>What one wrk run measured: throughput, latency percentiles, and anything that was not a 2xx/3xx answer.</summary>
public sealed record WrkResult(
    double RequestsPerSecond,
    TimeSpan P50,
    TimeSpan P99,
    long Requests,
    long ErrorResponses,
    long SocketErrors)
{
    /// <summary>A run whose every request got a 2xx or 3xx answer over an intact connection.</summary>
    public bool IsClean => ErrorResponses == 0 && SocketErrors == 0 && Requests > 0;
}
