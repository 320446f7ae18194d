using System.Text;

namespace KapClinic.Core.Exports;

/// <summary>Breaks text into lines that fit a width (at spaces; a word too long for a line is cut), at most a number of lines, the last ending in "…" when cut.</summary>
public static class PdfTextWrap
{
    public static List<string> Lines(string? text, int maxLines, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            lines.Add(string.Empty);
            return lines;
        }

        var current = new StringBuilder();
        foreach (var word in text.Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (measure(candidate) <= width)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            var rest = word;
            while (measure(rest) > width && rest.Length > 1)
            {
                var fit = rest.Length - 1;
                while (fit > 1 && measure(rest[..fit]) > width)
                {
                    fit--;
                }

                lines.Add(rest[..fit]);
                rest = rest[fit..];
            }

            current.Append(rest);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        if (lines.Count > maxLines)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            var last = lines[^1];
            while (last.Length > 1 && measure(last + "…") > width)
            {
                last = last[..^1];
            }

            lines[^1] = last + "…";
        }

        return lines;
    }
}
