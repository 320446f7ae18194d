using System.Globalization;
using System.Text.RegularExpressions;

namespace KapClinic.Bench.Load;

/// <summary>Reads wrk's text report (run with <c>--latency</c>, so it prints the latency distribution).</summary>
public static partial class WrkOutputParser
{
    public static WrkResult Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rps = RequestsPerSecond().Match(output);
        var requests = Requests().Match(output);
        if (!rps.Success || !requests.Success)
        {
            throw new FormatException("wrk printed no result:\n" + output);
        }

        var errors = ErrorResponses().Match(output);
        var socket = SocketErrors().Match(output);
        var socketErrors = socket.Success
            ? socket.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, 50),
            Percentile(output, 99),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            errors.Success ? long.Parse(errors.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors);
    }

    /// <summary>wrk's durations: "812.00us", "4.89ms", "1.20s", "2.00m".</summary>
    public static TimeSpan Duration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"Not a wrk duration: {text}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => TimeSpan.FromTicks((long)Math.Round(value * 10)),
            "ms" => TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerMillisecond)),
            "s" => TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerSecond)),
            "m" => TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerMinute)),
            _ => TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerHour)),
        };
    }

    private static TimeSpan Percentile(string output, int percentile)
    {
        var match = Regex.Match(output, $@"^\s*{percentile}(?:\.0+)?%\s+(\S+)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            throw new FormatException($"wrk printed no {percentile}th percentile (run it with --latency):\n{output}");
        }

        return Duration(match.Groups[1].Value);
    }

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex ErrorResponses();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^([0-9.]+)(us|ms|s|m|h)$")]
    private static partial Regex DurationPattern();
}
