using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace KapClinic.Core.Data.Resilience;

/// <summary>
/// Feeds <see cref="DatabaseCircuit"/> from every connection EF opens, and empties Npgsql's pool when the server went
/// away: after a restart or pg_terminate_backend the pool's idle connections are all dead, and without this each would
/// fail one request (or one retry) before the pool noticed.
/// </summary>
public sealed class DatabaseCircuitInterceptor(DatabaseCircuit circuit) : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        circuit.TryEnter() ? result : throw new DatabaseUnavailableException();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        circuit.TryEnter() ? ValueTask.FromResult(result) : throw new DatabaseUnavailableException();

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => circuit.Connected();

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        circuit.Connected();
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => OnConnectFailed(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OnConnectFailed(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearPoolIfBroken(command.Connection);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolIfBroken(command.Connection);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ClearPoolIfBroken(transaction.Connection);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolIfBroken(transaction.Connection);
        return Task.CompletedTask;
    }

    private void OnConnectFailed(DbConnection connection, Exception exception)
    {
        if (exception is OperationCanceledException or DatabaseUnavailableException || IsPoolExhausted(exception))
        {
            return; // not the database's fault (or already counted)
        }

        if (circuit.ConnectFailed() && connection is NpgsqlConnection npgsql)
        {
            NpgsqlConnection.ClearPool(npgsql);
        }
    }

    // A connection that broke mid-command (server restarted, backend terminated) is closed by Npgsql; its idle siblings
    // in the pool are as dead as it was.
    private static void ClearPoolIfBroken(DbConnection? connection)
    {
        if (connection is NpgsqlConnection npgsql && npgsql.FullState.HasFlag(ConnectionState.Broken) | npgsql.State == ConnectionState.Closed)
        {
            NpgsqlConnection.ClearPool(npgsql);
        }
    }

    private static bool IsPoolExhausted(Exception exception) =>
        exception is NpgsqlException && exception.Message.Contains("pool", StringComparison.OrdinalIgnoreCase);
}
