namespace KapClinic.Core.Users.Sessions;

/// <summary>How long a signed-in session lasts, enforced on the server from its <see cref="UserSession"/> row.</summary>
public static class SessionLimits
{
    /// <summary>A session not used for this long ends.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>Last-seen is written at most this often (not once per request); idle time is measured from it.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>Ended rows are kept this long (for inspection) before sign-ins sweep them away.</summary>
    public static readonly TimeSpan EndedRetention = TimeSpan.FromDays(1);
}
