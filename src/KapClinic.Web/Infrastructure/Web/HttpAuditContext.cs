using System.Security.Claims;
using KapClinic.Core.Auditing;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>The audit trail's "who and from where" for a web request. RemoteIp honours trusted forwarded headers.</summary>
public sealed class HttpAuditContext(IHttpContextAccessor accessor) : IAuditContext
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The client's address; "system" outside a request (start-up work, the create-user command).</summary>
    public string? RemoteIp => accessor.HttpContext is { } http ? http.Connection.RemoteIpAddress?.ToString() : "system";
}
