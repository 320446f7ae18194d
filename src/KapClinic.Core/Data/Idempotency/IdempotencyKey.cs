namespace KapClinic.Core.Data.Idempotency;

/// <summary>
/// A form submission that was applied: the form's random key (rendered as a hidden field), scoped to the user who
/// posted it, written in the same transaction as the submission's first write. A second submission with the same
/// key fails on the primary key and is answered as already saved. <see cref="Location"/> is where the first
/// submission's answer sent the user, so a duplicate lands on the same page.
/// </summary>
public sealed class IdempotencyKey
{
    public const int PathMaxLength = 2048;

    public IdempotencyKey(Guid userId, Guid key, string path, DateTimeOffset createdAt)
    {
        UserId = userId;
        Key = key;
        Path = path;
        CreatedAt = createdAt;
    }

    public Guid UserId { get; private set; }

    public Guid Key { get; private set; }

    public string Path { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? Location { get; private set; }
}
