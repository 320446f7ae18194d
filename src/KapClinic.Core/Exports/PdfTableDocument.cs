using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KapClinic.Core.Exports;

/// <summary>
/// A report as a PDF table (US Letter, landscape): every page carries the clinic, the title, the filters, when it
/// was generated, the column headers and "Page n of N". Rows are added one at a time (long text wraps to a few lines,
/// then is cut with an ellipsis: the CSV export carries the full text); paragraphs such as a signature follow the table.
/// </summary>
public sealed partial class PdfTableDocument : IDisposable
{
    public const string ContentType = "application/pdf";

    private const double Margin = 36;
    private const double CellPadding = 3;
    private const int MaxLinesPerCell = 4;

    private readonly PdfDocument document = new();
    private readonly ReportHeading heading;
    private IReadOnlyList<PdfColumn> columns;
    private double[] widths;
    private readonly XFont titleFont;
    private readonly XFont bodyFont;
    private readonly XFont boldFont;
    private readonly XFont smallFont;
    private readonly XFont pageNumberFont;
    private XGraphics? gfx;
    private double y;

    public PdfTableDocument(ReportHeading heading, IReadOnlyList<PdfColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(columns);
        SystemFontResolver.EnsureInstalled();
        this.heading = heading;
        this.columns = columns;
        document.Info.Title = $"{heading.Title} · {heading.ClinicName}";
        document.Info.Creator = "KapClinic";
        titleFont = new XFont(SystemFontResolver.Regular, 13, XFontStyleEx.Bold);
        bodyFont = new XFont(SystemFontResolver.Regular, 7.5, XFontStyleEx.Regular);
        boldFont = new XFont(SystemFontResolver.Regular, 7.5, XFontStyleEx.Bold);
        smallFont = new XFont(SystemFontResolver.Regular, 8, XFontStyleEx.Regular);

        // ASCII only, so plain WinAnsi text: the page numbers stay readable to text tools and tests.
        pageNumberFont = new XFont(SystemFontResolver.Regular, 8, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.WinAnsi));
        document.Options.CompressContentStreams = true;
        widths = Widths(columns);
        NewPage();
    }

    public int RowCount { get; private set; }

    private static double PageWidth => XUnit.FromInch(11).Point;

    private static double PageHeight => XUnit.FromInch(8.5).Point;

    private static double Bottom => PageHeight - Margin - 14;

    private double LineHeight => bodyFont.GetHeight() + 0.5;

    /// <summary>Adds one table row; <paramref name="emphasis"/> sets it in bold (an opening balance, a total).</summary>
    public void AddRow(IReadOnlyList<string?> cells, bool emphasis = false)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var font = emphasis ? boldFont : bodyFont;
        var lines = columns.Select((_, i) => Wrap(i < cells.Count ? cells[i] : null, font, widths[i] - (2 * CellPadding))).ToList();
        var height = (lines.Max(l => l.Count) * LineHeight) + (2 * CellPadding);
        if (y + height > Bottom)
        {
            NewPage();
        }

        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            for (var line = 0; line < lines[i].Count; line++)
            {
                DrawCellLine(lines[i][line], font, x, y + CellPadding + (line * LineHeight), widths[i], columns[i].AlignRight);
            }

            x += widths[i];
        }

        y += height;
        Graphics.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, y, PageWidth - Margin, y);
        RowCount++;
    }

    /// <summary>Text after the table (a note, a signature block), wrapped to the page width.</summary>
    public void AddParagraph(string text)
    {
        y += 4;
        foreach (var line in Wrap(text, smallFont, PageWidth - (2 * Margin), int.MaxValue))
        {
            if (y + LineHeight > Bottom)
            {
                NewPage();
            }

            Graphics.DrawString(line, smallFont, XBrushes.Black, new XPoint(Margin, y + smallFont.GetHeight()));
            y += smallFont.GetHeight() + 1;
        }
    }

    /// <summary>Numbers the pages and writes the document (through memory: PDFsharp needs a seekable stream).</summary>
    public async Task SaveAsync(Stream output, CancellationToken cancellationToken = default)
    {
        gfx?.Dispose();
        gfx = null;
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var baseline = PageHeight - Margin;
            footer.DrawString($"{heading.ClinicName} · {heading.Title}", smallFont, XBrushes.Gray, new XPoint(Margin, baseline));
            var text = $"Page {i + 1} of {count}";
            footer.DrawString(text, pageNumberFont, XBrushes.Gray, new XPoint(PageWidth - Margin - footer.MeasureString(text, pageNumberFont).Width, baseline));
        }

        using var buffer = new MemoryStream();
        await document.SaveAsync(buffer, false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public void Dispose()
    {
        gfx?.Dispose();
        document.Dispose();
    }

    private XGraphics Graphics => gfx ?? throw new InvalidOperationException("The document is saved.");

    private void NewPage()
    {
        gfx?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.Letter;
        page.Orientation = PageOrientation.Landscape;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
        gfx.DrawString(heading.ClinicName, smallFont, XBrushes.Gray, new XPoint(Margin, y + smallFont.GetHeight()));
        y += smallFont.GetHeight() + 4;
        gfx.DrawString(heading.Title, titleFont, XBrushes.Black, new XPoint(Margin, y + titleFont.GetHeight()));
        y += titleFont.GetHeight() + 4;
        foreach (var line in heading.Filters.Append($"Generated {heading.GeneratedAt}"))
        {
            gfx.DrawString(line, smallFont, XBrushes.Black, new XPoint(Margin, y + smallFont.GetHeight()));
            y += smallFont.GetHeight() + 1;
        }

        y += 6;
        DrawColumnHeaders();
    }

    private void DrawCellLine(string text, XFont font, double x, double top, double width, bool alignRight)
    {
        var left = alignRight ? x + width - CellPadding - Graphics.MeasureString(text, font).Width : x + CellPadding;
        Graphics.DrawString(text, font, XBrushes.Black, new XPoint(left, top + font.GetHeight() - 1.5));
    }

    private List<string> Wrap(string? text, XFont font, double width, int maxLines = MaxLinesPerCell) =>
        PdfTextWrap.Lines(text, maxLines, width, s => Graphics.MeasureString(s, font).Width);
}
