using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using KapClinic.Core.Data.Changes;
using KapClinic.Core.Users.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// Keeps sign-in tickets in PostgreSQL (<see cref="SessionRegistry"/>): the cookie carries only a random 256-bit
/// key, so sign-out, an account change or the idle and absolute limits end a session on the server, on every app
/// instance, whatever cookie a client replays. Each sign-in gets a new key: the cookie handler would otherwise
/// reuse the key of a session already present in the browser (session fixation), so a POST to a sign-in page
/// (any path under /Account/Login) is treated as anonymous and, once the new session is stored, the old one is
/// ended. Work runs in a scope of its own so it never saves a page's half-made changes.
/// <para>
/// A live session found in the database is kept in <see cref="SessionCache"/> (its unprotected ticket and account
/// state) until its next last-seen write is due, so most requests check their session without SQL; change notices
/// from the database, and this store's own writes, drop it at once.
/// </para>
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptions<IdentityOptions> identityOptions,
    SessionCache cache,
    TimeProvider clock) : ITicketStore
{
    private const string EndReason = "Signed out or replaced";
    private const string SignInPathPrefix = "/Account/Login";
    private static readonly object ReplacedSessionKey = new();
    private static readonly object AccountStateKey = new();
    private readonly IDataProtector protector = dataProtection.CreateProtector("KapClinic.Sessions.Ticket.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(ticket.Principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored."));
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<SessionRegistry>();
        if (httpContext.Items[ReplacedSessionKey] is byte[] replaced)
        {
            cache.EvictSession(ChangeNotices.SessionKey(replaced));
            await registry.EndAsync(replaced, "Replaced by a new sign-in", cancellationToken);
        }

        await registry.StartAsync(userId, Hash(key), Protect(ticket), cancellationToken);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        cache.EvictSession(ChangeNotices.SessionKey(hash));
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionRegistry>().RenewAsync(hash, Protect(ticket), cancellationToken);
        cache.EvictSession(ChangeNotices.SessionKey(hash));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsPost(httpContext.Request.Method)
            && httpContext.Request.Path.Value?.StartsWith(SignInPathPrefix, StringComparison.OrdinalIgnoreCase) == true)
        {
            httpContext.Items[ReplacedSessionKey] = Hash(key); // signing in afresh: ended once the new session exists
            return null;
        }

        var hash = Hash(key);
        var cacheKey = ChangeNotices.SessionKey(hash);
        if (cache.TryGet(cacheKey, out var cached))
        {
            return Deserialize(cached, httpContext);
        }

        var mark = cache.Mark();
        ActiveSession? session;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            session = await scope.ServiceProvider.GetRequiredService<SessionRegistry>().FindActiveAsync(hash, cancellationToken);
        }
        catch (Exception ex) when (IsDatabaseFault(ex) && httpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The error page re-runs the pipeline after a database fault: show it signed out rather than fail twice.
            return null;
        }

        if (session is null)
        {
            return null;
        }

        byte[] unprotected;
        try
        {
            unprotected = protector.Unprotect(session.Session.Ticket);
        }
        catch (CryptographicException)
        {
            return null; // protected with a key the ring no longer has: sign in again
        }

        // Served from memory until the next last-seen write is due (so the idle timeout still counts from the
        // database), never past the session's absolute end.
        var validUntil = session.LastSeenAt + SessionLimits.LastSeenResolution;
        var entry = new CachedSession(
            unprotected,
            new AccountState(session.SecurityStamp, session.IsUserDisabled),
            session.Session.UserId,
            session.LastSeenAt,
            validUntil < session.Session.ExpiresAt ? validUntil : session.Session.ExpiresAt);
        if (clock.GetUtcNow() < entry.ValidUntil)
        {
            cache.Store(cacheKey, mark, entry);
        }

        return Deserialize(entry, httpContext);
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        cache.EvictSession(ChangeNotices.SessionKey(hash));
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionRegistry>().EndAsync(hash, EndReason, cancellationToken);
        cache.EvictSession(ChangeNotices.SessionKey(hash));
    }

    /// <summary>The user's security stamp and disabled flag, read in this request with its session, if it was.</summary>
    public static AccountState? AccountStateOf(HttpContext httpContext) => httpContext.Items[AccountStateKey] as AccountState;

    // The cookie handler always calls the HttpContext overloads above.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw new NotSupportedException();

    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw new NotSupportedException();

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw new NotSupportedException();

    public Task RemoveAsync(string key) => throw new NotSupportedException();

    /// <summary>A principal of this request's own (never shared), with the account state for <see cref="SessionValidator"/>.</summary>
    private static AuthenticationTicket? Deserialize(CachedSession session, HttpContext httpContext)
    {
        httpContext.Items[AccountStateKey] = session.Account; // read with the session: the validator needs no query
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static bool IsDatabaseFault(Exception ex) =>
        ex is DbException or TimeoutException || ex.InnerException is DbException or TimeoutException;
}
