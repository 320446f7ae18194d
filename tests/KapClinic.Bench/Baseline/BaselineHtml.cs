using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace KapClinic.Bench.Baseline;

/// <summary>The baseline's output: a plain HTML page of tables, built with a StringBuilder, every value encoded.</summary>
public static class BaselineHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static StringBuilder Begin(string title) =>
        new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encoder.Encode(title)).Append("</title></head><body><h1>").Append(Encoder.Encode(title)).Append("</h1>");

    public static string End(StringBuilder html) => html.Append("</body></html>").ToString();

    public static void Table(StringBuilder html, string caption, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        html.Append("<table><caption>").Append(Encoder.Encode(caption)).Append("</caption><thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(Encoder.Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var value in row)
            {
                html.Append("<td>").Append(Encoder.Encode(Text(value))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>A cell's text: invariant culture, ISO times, arrays joined with ", ", null empty.</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => string.Empty,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? string.Empty,
    };
}
