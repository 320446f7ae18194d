namespace KapClinic.Core.Data.Changes;

/// <summary>
/// The PostgreSQL NOTIFY channel and payloads that tell every app instance a cached row changed. Triggers send them
/// (migration SessionAndSettingsChangeNotices), so every writer notifies: this app, another instance, plain SQL.
/// </summary>
public static class ChangeNotices
{
    /// <summary>The channel every instance LISTENs on.</summary>
    public const string Channel = "kapclinic_changes";

    /// <summary>The clinic_settings row was inserted, updated or deleted.</summary>
    public const string Settings = "settings";

    /// <summary>A user_sessions row changed (revoked, ticket, absolute end) or was deleted: prefix of the hex token hash.</summary>
    public const string SessionPrefix = "session:";

    /// <summary>What the session check reads of a user (security stamp, disabled flag, the row) changed: prefix of the user id.</summary>
    public const string UserPrefix = "user:";

    /// <summary>The <c>application_name</c> of the listener's own connection (to find it in pg_stat_activity).</summary>
    public const string ListenerApplicationName = "KapClinic change listener";

    public static string Session(byte[] tokenHash) => SessionPrefix + SessionKey(tokenHash);

    /// <summary>The key a session's notice carries: the lowercase hex of its token hash, as PostgreSQL's encode(..., 'hex').</summary>
    public static string SessionKey(byte[] tokenHash) => Convert.ToHexStringLower(tokenHash);

    public static string User(Guid userId) => UserPrefix + userId.ToString("D");
}
