namespace KapClinic.Core.Common;

/// <summary>
/// Someone else saved the same record after this user opened it. Pages catch it, keep what the user typed
/// and explain; nothing is overwritten.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : this("This record was changed by someone else after you opened it.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
