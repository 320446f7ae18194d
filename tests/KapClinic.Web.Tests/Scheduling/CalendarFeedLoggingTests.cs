using System.Net;
using System.Text.RegularExpressions;
using KapClinic.Core.Users;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>
/// The feed URL's secret token must never reach the log. The app writes its log to a file of its own; the host is
/// disposed before the file is read, which flushes the logger, so there is nothing to wait for.
/// </summary>
public sealed partial class CalendarFeedLoggingTests
{
    [Fact]
    public async Task The_feeds_secret_token_never_reaches_the_log()
    {
        var logDirectory = Path.Combine(Path.GetTempPath(), $"kap-log-{Guid.NewGuid():N}");
        var server = await PostgresServer.InstanceAsync();
        string token;
        await using (var app = new KapClinicAppFactory(await server.CreateDatabaseAsync("feedlog"))
            .WithSetting("Logging:File:Path", Path.Combine(logDirectory, "kapclinic-.json")))
        {
            var (clinician, _) = await TestUsers.SignedInAsync(app, ClinicRoles.Clinician);
            var created = await HtmlForms.PostAsync(clinician, "/Schedule/Feed", [], "/Schedule/Feed?handler=Create");
            var url = FeedUrl().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
            token = url[(url.LastIndexOf('/') + 1)..^4];
            var anonymous = TestUsers.NewClient(app);

            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/guessed-token-123.ics")).StatusCode);
        }

        try
        {
            var log = string.Concat(Directory.GetFiles(logDirectory).Select(File.ReadAllText));

            Assert.Equal(2, Regex.Count(log, Regex.Escape("/calendar/[redacted].ics")));
            Assert.DoesNotContain(token, log, StringComparison.Ordinal);
            Assert.DoesNotContain("guessed-token-123", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(logDirectory, recursive: true);
        }
    }

    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
