using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>
/// A periodic job that runs on one app instance at a time, however many instances share the database. The instance
/// that holds the job's PostgreSQL advisory lock (session-level, on a dedicated unpooled connection it keeps open)
/// runs the work at each tick; the others try the lock at each tick and skip while it is held. When the holder stops
/// or dies, its connection closes, the server frees the lock and another instance takes over at its next tick. So
/// the work runs once per interval across instances, never twice at once. A failure (database down) is logged and
/// the job goes on at the next tick.
/// </summary>
public abstract partial class SingleInstanceJob(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    // First half of the two-key advisory lock (the other is hashtext(JobName)): apart from the app's one-key locks.
    private const int LockClass = 7_102_000;

    private NpgsqlConnection? lockConnection;

    /// <summary>The job's name: its lock key and what the logs call it. Every instance must use the same name.</summary>
    protected abstract string JobName { get; }

    /// <summary>Time between ticks.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether this instance holds the job's lock (and so runs the work) right now.</summary>
    public bool IsLeader => lockConnection is not null;

    /// <summary>
    /// One tick: takes (or checks it still holds) the lock and runs the work when it does. Returns whether the work
    /// ran here. Exceptions go to the caller (the timer loop logs them).
    /// </summary>
    public async Task<bool> TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await HoldsLockAsync(scope.ServiceProvider, cancellationToken))
        {
            return false;
        }

        await RunAsync(scope.ServiceProvider, cancellationToken);
        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ReleaseLockAsync();
    }

    public override void Dispose()
    {
        lockConnection?.Dispose();
        lockConnection = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The work, with a fresh scope's services (a DbContext of its own).</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogTickFailed(logger, JobName, ex);
            }
        }
    }

    private async Task<bool> HoldsLockAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (lockConnection is not null)
        {
            try
            {
                // Still connected, so still the holder (the server frees a session's locks only when it ends).
                await using var ping = new NpgsqlCommand("SELECT 1", lockConnection);
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                LogLockLost(logger, JobName, ex);
                await ReleaseLockAsync();
            }
        }

        var connectionString = services.GetRequiredService<KapClinicDbContext>().Database.GetConnectionString();
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, // a pooled connection would keep the lock after Close
            KeepAlive = 30, // a holder that vanished without closing is noticed by the server
            ApplicationName = "kapclinic job " + JobName,
        };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, hashtext(@name))", connection);
            take.Parameters.AddWithValue("class", LockClass);
            take.Parameters.AddWithValue("name", JobName);
            if (await take.ExecuteScalarAsync(cancellationToken) is true)
            {
                lockConnection = connection;
                LogLockTaken(logger, JobName);
                return true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync(); // another instance runs the job
        return false;
    }

    private async Task ReleaseLockAsync()
    {
        var connection = Interlocked.Exchange(ref lockConnection, null);
        if (connection is not null)
        {
            await connection.DisposeAsync(); // ends the session: the server frees the lock
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Periodic job {Job} failed; retrying at the next tick")]
    private static partial void LogTickFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now runs the periodic job {Job}")]
    private static partial void LogLockTaken(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lock of periodic job {Job} (connection ended); taking it again at this tick if free")]
    private static partial void LogLockLost(ILogger logger, string job, Exception exception);
}
