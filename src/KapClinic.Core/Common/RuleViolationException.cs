namespace KapClinic.Core.Common;

/// <summary>
/// A business rule refused the action (e.g. disabling the last administrator). The message is written for
/// the user and is shown as is; <see cref="Field"/> names the input it belongs to, when there is one.
/// </summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException()
    {
    }

    public RuleViolationException(string message)
        : base(message)
    {
    }

    public RuleViolationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public RuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuleViolationException(string field, string message, Exception innerException)
        : base(message, innerException)
    {
        Field = field;
    }

    public string? Field { get; }
}
