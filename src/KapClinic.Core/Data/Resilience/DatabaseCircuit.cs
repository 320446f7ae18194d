namespace KapClinic.Core.Data.Resilience;

/// <summary>
/// Whether the database can be reached, shared by every request of the app. Closed: connections open as usual.
/// A connection that cannot be opened (server down, refusing, starting up) opens the circuit: from then on one
/// request at a time may try to connect (the probe) and the others fail at once with
/// <see cref="DatabaseUnavailableException"/>, so an outage answers the 503 page in milliseconds instead of after a
/// connect timeout each; EF's retries stop too (<see cref="ClinicExecutionStrategy"/>). The first probe that
/// connects closes the circuit: the app recovers by itself as soon as the database is back.
/// </summary>
public sealed class DatabaseCircuit(TimeProvider clock)
{
    // A probe that never reported back (its request was abandoned mid-connect) frees the slot after this long.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock gate = new();
    private bool open;
    private DateTimeOffset? probeStartedAt;

    public bool IsOpen
    {
        get
        {
            lock (gate)
            {
                return open;
            }
        }
    }

    /// <summary>Whether this caller may open a connection now (always while closed; one probe at a time while open).</summary>
    public bool TryEnter()
    {
        lock (gate)
        {
            if (!open)
            {
                return true;
            }

            var now = clock.GetUtcNow();
            if (probeStartedAt is { } started && now - started < ProbeTimeout)
            {
                return false;
            }

            probeStartedAt = now;
            return true;
        }
    }

    /// <summary>A connection opened: the database is reachable.</summary>
    public void Connected()
    {
        lock (gate)
        {
            open = false;
            probeStartedAt = null;
        }
    }

    /// <summary>A connection could not be opened. True when this opened the circuit (it was closed).</summary>
    public bool ConnectFailed()
    {
        lock (gate)
        {
            var opened = !open;
            open = true;
            probeStartedAt = null;
            return opened;
        }
    }
}
