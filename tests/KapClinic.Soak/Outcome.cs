namespace KapClinic.Soak;

/// <summary>What one request got: a status and body, or a transport error (no HTTP answer at all).</summary>
public sealed record Outcome(int Status, string Body, string? Location, TimeSpan Elapsed, string? TransportError)
{
    public bool IsTransportError => TransportError is not null;

    /// <summary>The friendly 503 (database unavailable) or a transport error: the outage swallowed this request.</summary>
    public bool IsOutage => IsTransportError || Status == 503;

    public bool IsRedirect => Status is 301 or 302 or 303;
}
