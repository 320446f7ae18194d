using System.Data.Common;

namespace KapClinic.Core.Data.Resilience;

/// <summary>
/// Refused without trying: the database could not be reached a moment ago and another request is checking whether it
/// is back (<see cref="DatabaseCircuit"/>). A <see cref="DbException"/>, so every database-fault path (the 503 page,
/// the session check) treats it as the outage it is.
/// </summary>
public sealed class DatabaseUnavailableException : DbException
{
    public DatabaseUnavailableException()
        : base("The database cannot be reached right now; another request is checking whether it is back.")
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
