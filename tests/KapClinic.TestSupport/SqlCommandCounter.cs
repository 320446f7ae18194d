using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KapClinic.TestSupport;

/// <summary>
/// Counts the SQL commands EF Core sends, to prove a page issues a fixed number whatever the number of rows
/// (no N+1). Register with <c>factory.WithServices(s => s.AddSingleton&lt;IInterceptor&gt;(counter))</c>.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly List<string> commands = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    public void Reset()
    {
        lock (commands)
        {
            commands.Clear();
        }
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        // A session's last-seen time is written at most once a minute, whenever a minute has passed since the last
        // write: bookkeeping of the sign-in, not the page's queries, and it would make counts depend on timing.
        if (result.CommandText.StartsWith("UPDATE user_sessions", StringComparison.Ordinal))
        {
            return result;
        }

        lock (commands)
        {
            commands.Add(result.CommandText);
        }

        return result;
    }
}
