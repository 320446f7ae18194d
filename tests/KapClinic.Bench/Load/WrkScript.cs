using System.Globalization;
using System.Text;

namespace KapClinic.Bench.Load;

/// <summary>
/// The Lua script wrk runs for a request: GET with the session cookie, or POST of a form body (antiforgery token
/// included) with, when the form carries one, a fresh random idempotency key per request.
/// </summary>
public static class WrkScript
{
    public const string IdempotencyField = "__IdempotencyKey";

    public static string Get(string cookieHeader) => Header(cookieHeader) + "wrk.method = \"GET\"\n";

    /// <param name="cookieHeader">The signed-in client's Cookie header (empty for the baseline).</param>
    /// <param name="formBody">The url-encoded form without <see cref="IdempotencyField"/>.</param>
    /// <param name="freshIdempotencyKey">Append <c>&amp;__IdempotencyKey=GUID</c>, a new GUID for each request.</param>
    public static string Post(string cookieHeader, string formBody, bool freshIdempotencyKey)
    {
        var script = new StringBuilder(Header(cookieHeader))
            .Append("wrk.method = \"POST\"\n")
            .Append("wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n")
            .Append(CultureInfo.InvariantCulture, $"local form = {Literal(formBody)}\n");
        if (!freshIdempotencyKey)
        {
            return script.Append("wrk.body = form\n").ToString();
        }

        return script.Append("""
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("tid", threads)
            end
            local counter = 0
            local prefix = 0
            function init(args)
              math.randomseed(os.time() + (tid or 0) * 7919)
              prefix = math.random(0, 2147483646)
            end
            function request()
              counter = counter + 1
              local key = string.format("%08x-%04x-4%03x-%04x-%012x", prefix, (tid or 0) % 65536, math.random(0, 4095), 32768 + math.random(0, 16383), counter)
              return wrk.format(nil, nil, nil, form .. "&__IdempotencyKey=" .. key)
            end

            """).ToString();
    }

    /// <summary>A form's fields as an url-encoded body (what a browser sends).</summary>
    public static string FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static string Header(string cookieHeader) =>
        "-- Written by KapClinic.Bench for one wrk run.\n" +
        (string.IsNullOrEmpty(cookieHeader) ? string.Empty : $"wrk.headers[\"Cookie\"] = {Literal(cookieHeader)}\n");

    private static string Literal(string text)
    {
        var level = 1;
        while (text.Contains("]" + new string('=', level) + "]", StringComparison.Ordinal))
        {
            level++;
        }

        var equals = new string('=', level);
        return $"[{equals}[{text}]{equals}]";
    }
}
