using PdfSharp.Drawing;

namespace KapClinic.Core.Exports;

/// <summary>
/// Documents of several parts (a course summary): a section heading, then a new table with its own columns (its
/// headers repeat on each new page), or a drawing (a chart) given the space it needs.
/// </summary>
public sealed partial class PdfTableDocument
{
    private XFont? sectionFont;

    private XFont SectionFont => sectionFont ??= new XFont(SystemFontResolver.Regular, 10, XFontStyleEx.Bold);

    /// <summary>The width a drawing gets: the page between the margins.</summary>
    public static double ContentWidth => PageWidth - (2 * Margin);

    /// <summary>A heading for the next part; it starts a new page when fewer than a few lines fit below it.</summary>
    public void AddHeading(string text)
    {
        columns = [];
        widths = [];
        var height = SectionFont.GetHeight() + 10;
        if (y + height + (4 * LineHeight) > Bottom)
        {
            NewPage();
        }

        y += 8;
        Graphics.DrawString(text, SectionFont, XBrushes.Black, new XPoint(Margin, y + SectionFont.GetHeight()));
        y += SectionFont.GetHeight() + 2;
    }

    /// <summary>Starts a table with these columns (no columns: paragraphs and drawings only); rows then follow with <see cref="AddRow"/>.</summary>
    public void StartTable(IReadOnlyList<PdfColumn> newColumns)
    {
        ArgumentNullException.ThrowIfNull(newColumns);
        columns = newColumns;
        widths = Widths(newColumns);
        if (columns.Count > 0 && y + (3 * LineHeight) + (4 * CellPadding) > Bottom)
        {
            NewPage();
            return;
        }

        DrawColumnHeaders();
    }

    /// <summary>Reserves <paramref name="height"/> points across the page (on a new page if it does not fit) and lets <paramref name="draw"/> fill them.</summary>
    public void AddDrawing(double height, Action<XGraphics, XRect> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        if (y + height + 4 > Bottom)
        {
            columns = [];
            widths = [];
            NewPage();
        }

        y += 4;
        draw(Graphics, new XRect(Margin, y, ContentWidth, height));
        y += height;
    }

    private static double[] Widths(IReadOnlyList<PdfColumn> of)
    {
        var total = of.Sum(c => c.Weight);
        return [.. of.Select(c => c.Weight / total * ContentWidth)];
    }

    private void DrawColumnHeaders()
    {
        if (columns.Count == 0)
        {
            return;
        }

        var x = Margin;
        var headerLines = columns.Select((c, i) => Wrap(c.Header, boldFont, widths[i] - (2 * CellPadding))).ToList();
        var height = (headerLines.Max(l => l.Count) * LineHeight) + (2 * CellPadding);
        Graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 242)), Margin, y, ContentWidth, height);
        for (var i = 0; i < columns.Count; i++)
        {
            for (var line = 0; line < headerLines[i].Count; line++)
            {
                DrawCellLine(headerLines[i][line], boldFont, x, y + CellPadding + (line * LineHeight), widths[i], columns[i].AlignRight);
            }

            x += widths[i];
        }

        y += height;
    }
}
