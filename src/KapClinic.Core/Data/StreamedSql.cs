using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace KapClinic.Core.Data;

/// <summary>
/// Runs a read-only SQL query on the context's connection and yields its rows one at a time, for exports whose
/// memory must not grow with the row count. (EF's SqlQuery buffers the whole result when the retrying execution
/// strategy is on, as it is here.) Parameters are positional: $1, $2 ...
/// </summary>
public static class StreamedSql
{
    public static async IAsyncEnumerable<T> RowsAsync<T>(
        this KapClinicDbContext db, string sql, IReadOnlyList<object> parameters, Func<DbDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(read);
        var opened = false;
        DbCommand? command = null; // lives as long as its reader
        async Task<DbDataReader> ExecuteAsync(CancellationToken ct)
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync(); // a retry: the connection broke (e.g. terminated), take another
            }

            await db.Database.OpenConnectionAsync(ct);
            opened = true;
            if (command is not null)
            {
                await command.DisposeAsync();
            }

            command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // The SQL is the caller's constant text; values travel as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var value in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            return await command.ExecuteReaderAsync(ct);
        }

        try
        {
            // Until the first row, a broken connection is retried like any query (outside a caller's transaction,
            // where the execution strategy cannot retry); once rows flow, a fault ends the export.
            await using var reader = db.Database.CurrentTransaction is null
                ? await db.Database.CreateExecutionStrategy().ExecuteAsync(ExecuteAsync, cancellationToken)
                : await ExecuteAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return read(reader);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }

            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>A non-null column's value.</summary>
    public static T Value<T>(this DbDataReader reader, string column)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetFieldValue<T>(reader.GetOrdinal(column));
    }

    /// <summary>A nullable column's value, null for SQL NULL.</summary>
    public static T? Optional<T>(this DbDataReader reader, string column)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }

    public static string? Text(this DbDataReader reader, string column)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
