using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace KapClinic.Core.Data.Idempotency;

/// <summary>
/// Writes the request's idempotency key (<see cref="IdempotencyClaim"/>) as the first statement of the transaction
/// that carries the request's first write: SaveChanges (always given a transaction while a key is pending),
/// ExecuteUpdate/ExecuteDelete and raw SQL inside an explicit transaction. The key therefore commits or rolls back
/// with the write. A key already used by this user fails on the primary key, before any of the write runs (a
/// concurrent duplicate waits on the first one's uncommitted row), and surfaces as
/// <see cref="DuplicateSubmissionException"/>. When EF's retrying strategy retries a SaveChanges whose commit
/// outcome was unknown, the retry's new transaction writes the key again: a duplicate if the first commit landed.
/// </summary>
/// <remarks>One instance serves every context: the claim comes from the context's <see cref="KapClinicDbContext.UnitOfWork"/>.</remarks>
public sealed class IdempotencyInterceptor(TimeProvider clock)
    : IDbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private const string InsertSql =
        "INSERT INTO idempotency_keys (user_id, key, path, created_at) VALUES (@user_id, @key, @path, @created_at)";

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RequireTransaction(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RequireTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Claim(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await ClaimAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Claim(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ClaimAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Claim(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await ClaimAsync(command, eventData, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => ClaimOf(eventData.Context)?.TransactionCommitted(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ClaimOf(eventData.Context)?.TransactionCommitted(transaction);
        return Task.CompletedTask;
    }

    private static IdempotencyClaim? ClaimOf(DbContext? context) => (context as KapClinicDbContext)?.UnitOfWork?.Idempotency;

    // A single-statement SaveChanges would otherwise run without a transaction of EF's own, and the key must commit with it.
    private static void RequireTransaction(DbContext? context)
    {
        if (context is not null && ClaimOf(context) is { Pending: true })
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private static bool MustClaim(DbCommand command, CommandEventData eventData, [NotNullWhen(true)] out IdempotencyClaim? claim)
    {
        claim = ClaimOf(eventData.Context);
        return claim is { Pending: true }
        && eventData.CommandSource is CommandSource.SaveChanges or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw
        && command.Transaction is not null
        && !ReferenceEquals(command.Transaction, claim.WrittenIn);
    }

    private void Claim(DbCommand command, CommandEventData eventData)
    {
        if (!MustClaim(command, eventData, out var claim))
        {
            return;
        }

        using var insert = Insert(command, claim);
        try
        {
            insert.ExecuteNonQuery();
        }
        catch (PostgresException ex) when (IsDuplicate(ex))
        {
            throw new DuplicateSubmissionException("This form was already submitted.", ex);
        }

        claim.WrittenInto(command.Transaction!);
    }

    private async ValueTask ClaimAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (!MustClaim(command, eventData, out var claim))
        {
            return;
        }

        await using var insert = Insert(command, claim);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (IsDuplicate(ex))
        {
            throw new DuplicateSubmissionException("This form was already submitted.", ex);
        }

        claim.WrittenInto(command.Transaction!);
    }

    private DbCommand Insert(DbCommand command, IdempotencyClaim claim)
    {
        var insert = command.Connection!.CreateCommand();
        insert.Transaction = command.Transaction;
        insert.CommandText = InsertSql;
        Add(insert, "user_id", claim.UserId);
        Add(insert, "key", claim.Key);
        Add(insert, "path", claim.Path);
        Add(insert, "created_at", clock.GetUtcNow());
        return insert;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static bool IsDuplicate(PostgresException ex) =>
        ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == IdempotencyClaim.PrimaryKeyName;
}
