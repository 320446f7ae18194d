using System.Net;
using System.Text.RegularExpressions;
using KapClinic.Core.Users;
using KapClinic.TestSupport;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>The app writing its log to a file of its own, to read back what a request left there.</summary>
public sealed class FileLogFixture : AppFixture
{
    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), $"kap-log-{Guid.NewGuid():N}");

    public string AllLogText()
    {
        if (!Directory.Exists(LogDirectory))
        {
            return string.Empty;
        }

        return string.Concat(Directory.GetFiles(LogDirectory).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(LogDirectory))
        {
            Directory.Delete(LogDirectory, recursive: true);
        }
    }

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithSetting("Logging:File:Path", Path.Combine(LogDirectory, "kapclinic-.json"));
}

public sealed partial class CalendarFeedLoggingTests(FileLogFixture fixture) : IClassFixture<FileLogFixture>
{
    [Fact]
    public async Task The_feeds_secret_token_never_reaches_the_log()
    {
        var (clinician, _) = await TestUsers.SignedInAsync(fixture.Factory, ClinicRoles.Clinician);
        var created = await HtmlForms.PostAsync(clinician, "/Schedule/Feed", [], "/Schedule/Feed?handler=Create");
        var url = FeedUrl().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        var token = url[(url.LastIndexOf('/') + 1)..^4];
        var anonymous = TestUsers.NewClient(fixture.Factory);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/guessed-token-123.ics")).StatusCode);

        var log = string.Empty;
        // The request log is written as each response completes: wait for both lines.
        for (var i = 0; i < 50 && Regex.Count(log, Regex.Escape("/calendar/")) < 2; i++)
        {
            await Task.Delay(100);
            log = fixture.AllLogText();
        }

        Assert.Contains("/calendar/[redacted].ics", log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed-token-123", log, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
