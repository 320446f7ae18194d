namespace KapClinic.Core.Auditing;

/// <summary>Who is acting and from where. The web host reads it from the request; tools use <see cref="SystemAuditContext"/>.</summary>
public interface IAuditContext
{
    Guid? UserId { get; }

    string? RemoteIp { get; }
}

/// <summary>The actor for command-line tools and start-up work: no user, "system" as the origin.</summary>
public sealed class SystemAuditContext : IAuditContext
{
    public static readonly SystemAuditContext Instance = new();

    public Guid? UserId => null;

    public string? RemoteIp => "system";
}
