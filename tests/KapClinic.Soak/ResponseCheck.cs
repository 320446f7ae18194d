using System.Text.RegularExpressions;

namespace KapClinic.Soak;

/// <summary>How an answer from the app is judged: the friendly 503 page is allowed during an outage, a stack trace never.</summary>
public static partial class ResponseCheck
{
    /// <summary>True when the body shows internals: an exception's name or a .NET stack frame ("   at Namespace.Type.Method(").</summary>
    public static bool ShowsInternals(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Contains("Exception", StringComparison.Ordinal) || StackFrame().IsMatch(body);
    }

    /// <summary>A 503 that is the app's own error page (a title, no internals), not a proxy's or the developer page.</summary>
    public static bool IsFriendlyUnavailable(int status, string body) =>
        status == 503 && !ShowsInternals(body) && body.Contains("Service unavailable", StringComparison.Ordinal);

    [GeneratedRegex(@"\bat [A-Za-z_][\w.`<>]*\.[\w<>`]+\(", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();
}
