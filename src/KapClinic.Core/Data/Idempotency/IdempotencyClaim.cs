using System.Data.Common;

namespace KapClinic.Core.Data.Idempotency;

/// <summary>
/// The idempotency key of the request this scope serves (set by the web layer before a form's handler runs), and
/// whether it has been written yet. <see cref="IdempotencyInterceptor"/> writes it in the transaction of the first
/// write; once that transaction commits the key is spent for this request.
/// </summary>
public sealed class IdempotencyClaim
{
    public const string PrimaryKeyName = "pk_idempotency_keys";

    public Guid UserId { get; private set; }

    public Guid Key { get; private set; }

    public string Path { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    /// <summary>The key row committed with this request's write.</summary>
    public bool Committed { get; private set; }

    /// <summary>True while a key is set and not yet committed: the next write must carry it.</summary>
    public bool Pending => IsActive && !Committed;

    internal DbTransaction? WrittenIn { get; private set; }

    public void Begin(Guid userId, Guid key, string path)
    {
        UserId = userId;
        Key = key;
        Path = path.Length > IdempotencyKey.PathMaxLength ? path[..IdempotencyKey.PathMaxLength] : path;
        IsActive = true;
    }

    internal void WrittenInto(DbTransaction transaction) => WrittenIn = transaction;

    internal void TransactionCommitted(DbTransaction transaction)
    {
        if (IsActive && ReferenceEquals(transaction, WrittenIn))
        {
            Committed = true;
        }
    }
}
