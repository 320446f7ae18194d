namespace KapClinic.Core.Common;

/// <summary>The record asked for does not exist (or is not visible to this user). Pages answer 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : this("The record was not found.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
