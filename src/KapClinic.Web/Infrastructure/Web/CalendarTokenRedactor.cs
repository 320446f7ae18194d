using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// A calendar feed's URL is its credential, so no log line may carry it: any text property holding a
/// /calendar/... path (the request log's RequestPath, ASP.NET Core's Path and scopes) is rewritten without the token.
/// </summary>
public sealed partial class CalendarTokenRedactor : ILogEventEnricher
{
    public const string RedactedPath = "/calendar/[redacted].ics";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? redacted = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.Contains("/calendar/", StringComparison.OrdinalIgnoreCase))
            {
                (redacted ??= []).Add(new LogEventProperty(name, new ScalarValue(Redact(text))));
            }
        }

        foreach (var property in redacted ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    public static string Redact(string text) => FeedPath().Replace(text, RedactedPath);

    [GeneratedRegex(@"/calendar/[^/?#\s""]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedPath();
}
