using System.Net;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Security.Support;

namespace KapClinic.Web.Tests.Security;

/// <summary>Every POST handler of every page refuses a request without an antiforgery token, or with another user's.</summary>
[Collection(SecurityRoutes.Name)]
public sealed class CsrfTests(SecurityFixture fixture)
{
    // Pages allowed to skip antiforgery, and why. Adding one is a security decision: review it.
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        ["Pages/Error.cshtml.cs"] = "re-executed with a failed POST's method; renders a message, changes nothing",
        ["Pages/StatusCode.cshtml.cs"] = "re-executed with a failed POST's method; renders a message, changes nothing",
    };

    private static readonly string[] Bypasses =
        ["IgnoreAntiforgeryToken", "DisableAntiforgery", "DisableRequestSizeLimit", "RequestSizeLimit(", "RequestFormLimits("];

    [Fact]
    public async Task Every_post_handler_refuses_a_request_without_a_token_or_with_another_users_token()
    {
        var problems = new List<string>();
        var (caller, other) = (Caller.Admin, Caller.Prescriber);
        foreach (var route in fixture.Routes.Where(r => r.Page is { } page && !Exempt.Keys.Any(e => e.Contains(page + ".cshtml", StringComparison.Ordinal))))
        {
            var allowed = AccessTable.AllowedFor(route) ?? [];
            var (user, stranger) = allowed.Contains(caller) ? (caller, other) : (other, caller);
            if (!allowed.Contains(user))
            {
                user = allowed.First();
                stranger = user == Caller.Staff ? Caller.Admin : Caller.Staff;
            }

            foreach (var handler in route.Posts)
            {
                var url = fixture.Seeded.Url(route.Template, handler);
                var withoutToken = await fixture.As(user).Client.PostAsync(url, new FormUrlEncodedContent([]));
                var withStrangersToken = await PostWithTokenOfAsync(fixture.As(user), fixture.As(stranger), url);
                foreach (var (what, response) in new[] { ("no token", withoutToken), ($"{stranger}'s token", withStrangersToken) })
                {
                    if (response.StatusCode != HttpStatusCode.BadRequest)
                    {
                        problems.Add($"POST {url} ({route.Page}) as {user} with {what}: {(int)response.StatusCode}, expected 400");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_strangers_token_is_refused_only_because_it_is_theirs()
    {
        // Control: the same kind of request, with the user's own token and cookie, passes the antiforgery check.
        var admin = fixture.As(Caller.Admin);
        var response = await PostWithTokenOfAsync(admin, admin, "/Patients");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void No_code_skips_antiforgery_or_request_limits_outside_the_reviewed_exemptions()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var found = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Bypasses.Where(b => File.ReadAllText(f).Contains(b, StringComparison.Ordinal)).Select(b => (File: Path.GetRelativePath(Path.Combine(src, "KapClinic.Web"), f).Replace('\\', '/'), Bypass: b)))
            .Where(x => !(x.Bypass == "IgnoreAntiforgeryToken" && Exempt.ContainsKey(x.File)))
            .Select(x => $"{x.File}: {x.Bypass}")
            .ToList();

        Assert.True(found.Count == 0, "Review these bypasses: " + string.Join(Environment.NewLine, found));
    }

    /// <summary>POSTs as <paramref name="user"/> (their session cookie) with <paramref name="minter"/>'s antiforgery cookie and token.</summary>
    private async Task<HttpResponseMessage> PostWithTokenOfAsync(Browser user, Browser minter, string url)
    {
        var token = await minter.TokenAsync();
        var client = TestUsers.Track(fixture.Factory.CreateDefaultClient(), fixture.Factory);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", $"kap.session={user.Cookie("kap.session")}; kap.af={minter.Cookie("kap.af")}");
        return await client.SendAsync(request);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KapClinic.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KapClinic.sln not found above the test binaries.");
    }
}
