using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using OtpNet;

namespace KapClinic.LoadSupport;

/// <summary>
/// A person at a browser, over HTTP: signs in with the password and the authenticator code, then GETs pages and
/// posts their forms with every hidden field the page rendered (antiforgery token, idempotency key, row versions).
/// Redirects are not followed, so callers see what the app answered.
/// </summary>
public sealed class ClinicClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly CookieContainer cookies = new();

    public ClinicClient(Uri baseAddress, TimeSpan? timeout = null)
    {
        BaseAddress = baseAddress;
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        Http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The Cookie header this client sends (for a load generator such as wrk: <c>-H "Cookie: ..."</c>).</summary>
    public string CookieHeader => cookies.GetCookieHeader(BaseAddress);

    /// <summary>
    /// The password, then the current TOTP code for <paramref name="mfaSecret"/>. The app refuses a code's time step
    /// twice for one user, so a second sign-in of the same user within 30 s waits for the next step.
    /// </summary>
    public async Task SignInAsync(string email, string password, string mfaSecret, CancellationToken cancellationToken = default)
    {
        var login = await GetFormAsync("/Account/Login", cancellationToken: cancellationToken);
        using var passwordResponse = await PostFormAsync("/Account/Login", login, [new("Input.Email", email), new("Input.Password", password)], cancellationToken);
        var next = passwordResponse.Headers.Location?.OriginalString;
        if (passwordResponse.StatusCode != HttpStatusCode.Redirect || next is null || !next.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Sign-in of {email} was refused at the password step ({(int)passwordResponse.StatusCode}).");
        }

        var totp = new Totp(Base32Encoding.ToBytes(mfaSecret));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var codePage = await GetFormAsync(next, cancellationToken: cancellationToken);
            using var codeResponse = await PostFormAsync(next, codePage, [new("Input.Code", totp.ComputeTotp())], cancellationToken);
            if (codeResponse.StatusCode == HttpStatusCode.Redirect)
            {
                return;
            }

            // The step was used already (this user signed in moments ago): wait for the next one.
            await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds() + 1), cancellationToken);
        }

        throw new InvalidOperationException($"Sign-in of {email} was refused at the code step.");
    }

    /// <summary>GETs a page and returns its first POST form (or the one whose action ends with <paramref name="action"/>).</summary>
    public async Task<PageForm> GetFormAsync(string url, string? action = null, CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }

        return FormIn(html, url, action) ?? throw new InvalidOperationException($"GET {url}: no POST form{(action is null ? string.Empty : " for " + action)}.");
    }

    /// <summary>GETs a page and returns its form with this id attribute (for a form that posts to its own page, with no action).</summary>
    public async Task<PageForm> GetFormWithIdAsync(string url, string id, CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }

        var document = Parser.ParseDocument(html);
        var form = document.Forms.FirstOrDefault(f => f.Id == id) ?? throw new InvalidOperationException($"GET {url}: no form with id {id}.");
        return FormIn(form.OuterHtml, url) ?? throw new InvalidOperationException($"GET {url}: the form {id} does not post.");
    }

    /// <summary>The page's first POST form (or the one whose action ends with <paramref name="action"/>), with its hidden fields.</summary>
    public static PageForm? FormIn(string html, string pageUrl, string? action = null)
    {
        var document = Parser.ParseDocument(html);
        var form = document.Forms.FirstOrDefault(f =>
            string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
            && (action is null || (f.GetAttribute("action") ?? string.Empty).EndsWith(action, StringComparison.OrdinalIgnoreCase)));
        if (form is null)
        {
            return null;
        }

        var hidden = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .ToList();
        var target = form.GetAttribute("action");
        return new PageForm(string.IsNullOrEmpty(target) ? pageUrl : target, hidden);
    }

    /// <summary>POSTs the form's hidden fields plus <paramref name="fields"/> (which win over hidden fields of the same name).</summary>
    public Task<HttpResponseMessage> PostFormAsync(
        string url, PageForm form, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var typed = fields.ToList();
        var names = typed.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var body = new FormUrlEncodedContent(form.Hidden.Where(h => !names.Contains(h.Key)).Concat(typed));
        return Http.PostAsync(new Uri(url, UriKind.Relative), body, cancellationToken);
    }

    public void Dispose() => Http.Dispose();
}
