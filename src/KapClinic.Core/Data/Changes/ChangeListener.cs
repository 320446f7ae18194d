using Microsoft.Extensions.Logging;
using Npgsql;

namespace KapClinic.Core.Data.Changes;

/// <summary>
/// Listens on <see cref="ChangeNotices.Channel"/> over one dedicated, unpooled connection of its own (application
/// name <see cref="ChangeNotices.ListenerApplicationName"/>) and hands each notice to the subscribed caches, in
/// order. The host runs <see cref="RunAsync"/> as a background service; it reconnects with backoff after a loss.
/// <para>
/// <see cref="Generation"/> goes up each time the listener starts listening and each time it stops (odd while
/// listening). A cache may serve an entry only if the listener is listening now in the generation in which the entry
/// was stored: notices missed while the connection was down can then only cost a database read, never a stale answer.
/// </para>
/// </summary>
public sealed partial class ChangeListener(string connectionString, ILogger<ChangeListener> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly Lock subscribersLock = new();
    private Action<string>[] subscribers = [];
    private long generation;

    /// <summary>Up by one at each (re)connect and at each loss; odd while listening.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool IsListening => (Generation & 1) == 1;

    /// <summary>The current generation while listening, else null (caches then neither serve nor store).</summary>
    public long? ListeningGeneration => Generation is var g && (g & 1) == 1 ? g : null;

    /// <summary>Calls <paramref name="onNotice"/> with each payload received, and with each one <see cref="Publish"/>ed here.</summary>
    public IDisposable Subscribe(Action<string> onNotice)
    {
        ArgumentNullException.ThrowIfNull(onNotice);
        lock (subscribersLock)
        {
            subscribers = [.. subscribers, onNotice];
        }

        return new Subscription(this, onNotice);
    }

    /// <summary>
    /// Delivers a notice to this instance's caches at once (the database's own notice follows at commit): a change
    /// made here is then exact on this instance without waiting for the round trip.
    /// </summary>
    public void Publish(string notice)
    {
        foreach (var subscriber in Volatile.Read(ref subscribers))
        {
            try
            {
                subscriber(notice);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSubscriberFailed(logger, ex);
            }
        }
    }

    /// <summary>Listens until <paramref name="stoppingToken"/> fires, reconnecting after each loss (200 ms doubling to 30 s).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => retry = FirstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogConnectionLost(logger, retry.TotalMilliseconds, ex);
            }

            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ChangeNotices.ListenerApplicationName,
            Pooling = false, // its own connection, never one of EF Core's
            KeepAlive = 15, // a dead peer is noticed while waiting
            MaxAutoPrepare = 0,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) => Publish(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotices.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        Interlocked.Increment(ref generation); // odd: listening
        try
        {
            connected();
            LogListening(logger, Generation);
            while (true)
            {
                await connection.WaitAsync(stoppingToken);
            }
        }
        finally
        {
            Interlocked.Increment(ref generation); // even: entries stored so far are never served again
        }
    }

    private void Unsubscribe(Action<string> onNotice)
    {
        lock (subscribersLock)
        {
            subscribers = [.. subscribers.Where(s => s != onNotice)];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for change notices (generation {Generation})")]
    private static partial void LogListening(ILogger logger, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change notices unavailable; caches read the database until the listener reconnects (in {RetryMilliseconds} ms)")]
    private static partial void LogConnectionLost(ILogger logger, double retryMilliseconds, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change-notice subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(ChangeListener listener, Action<string> onNotice) : IDisposable
    {
        public void Dispose() => listener.Unsubscribe(onNotice);
    }
}
