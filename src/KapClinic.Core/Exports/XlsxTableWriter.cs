using System.IO.Compression;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KapClinic.Core.Exports;

/// <summary>
/// Writes one worksheet with the OpenXml SDK's <see cref="OpenXmlWriter"/>, row by row, into a zip archive in create
/// mode (the SDK's own package cannot be write-only) on a <see cref="PumpStream"/>, drained to the output every <see cref="RowsPerDrain"/> rows: memory does not grow with the
/// row count and the output need not seek. Cells come from the CSV cells: a plain invariant number becomes a numeric
/// cell, everything else (dates and times in ISO 8601 included) an inline string (no shared-string table to grow).
/// The header row is bold and frozen.
/// </summary>
public sealed partial class XlsxTableWriter : IAsyncDisposable
{
    public const int RowsPerDrain = 500;
    private const int MaxSheetName = 31;

    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly OpenXmlAttribute InlineType = new("t", string.Empty, "inlineStr");
    private static readonly OpenXmlAttribute BoldStyle = new("s", string.Empty, "1");
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
    private static readonly string[] ColumnNames = [.. Enumerable.Range(0, 702).Select(Reference)];

    private readonly PumpStream pump;
    private readonly ZipArchive zip;
    private readonly Stream sheetStream;
    private readonly OpenXmlWriter sheet;
    private readonly string sheetName;
    private readonly CancellationToken cancellationToken;
    private uint rowIndex;
    private bool closed;

    public XlsxTableWriter(Stream output, string title, IReadOnlyList<string> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        this.cancellationToken = cancellationToken;
        sheetName = SheetName(title);
        pump = new PumpStream(output);
        zip = new ZipArchive(pump, ZipArchiveMode.Create, leaveOpen: true);
        XlsxPackageParts.WriteFixedParts(zip, sheetName, BuildStyles());
        sheetStream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        sheet = OpenXmlWriter.Create(sheetStream);
        sheet.WriteStartElement(new Worksheet());
        sheet.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft })
        { WorkbookViewId = 0 }));
        var columns = new Columns();
        for (var i = 0; i < headers.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(headers[i].Length + 4, 10, 60), CustomWidth = true });
        }

        sheet.WriteElement(columns);
        sheet.WriteStartElement(new SheetData());
        WriteRow(headers, bold: true);
    }

    public string SheetTitle => sheetName;

    /// <summary>A worksheet name Excel accepts: no []:*?/\, at most 31 characters, not empty.</summary>
    public static string SheetName(string? title)
    {
        var cleaned = Spaces().Replace(ForbiddenInSheetName().Replace(title ?? string.Empty, " "), " ").Trim().Trim('\'');
        cleaned = cleaned.Length > MaxSheetName ? cleaned[..MaxSheetName].TrimEnd() : cleaned;
        return cleaned.Length == 0 ? "Report" : cleaned;
    }

    public async Task WriteRowAsync(IReadOnlyList<string?> cells)
    {
        WriteRow(cells, bold: false);
        if (rowIndex % RowsPerDrain == 0 || pump.Pending > 256 * 1024)
        {
            await pump.DrainAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.Close();
        sheet.Dispose();
        await sheetStream.DisposeAsync();
        zip.Dispose();
        await pump.DrainAsync(cancellationToken);
        await pump.DisposeAsync();
    }

    private void WriteRow(IReadOnlyList<string?> cells, bool bold)
    {
        rowIndex++;
        var row = rowIndex.ToString(CultureInfo.InvariantCulture);
        sheet.WriteStartElement(RowElement, [new OpenXmlAttribute("r", string.Empty, row)]);
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var reference = new OpenXmlAttribute("r", string.Empty, ColumnNames[Math.Min(i, ColumnNames.Length - 1)] + row);
            if (!bold && PlainNumber().IsMatch(value))
            {
                sheet.WriteStartElement(CellElement, [reference]);
                sheet.WriteStartElement(ValueElement);
                sheet.WriteString(value);
                sheet.WriteEndElement();
            }
            else
            {
                sheet.WriteStartElement(CellElement, bold ? [reference, InlineType, BoldStyle] : [reference, InlineType]);
                sheet.WriteStartElement(InlineElement);
                sheet.WriteStartElement(TextElement, [PreserveSpace]);
                sheet.WriteString(XmlSafe(value));
                sheet.WriteEndElement();
                sheet.WriteEndElement();
            }

            sheet.WriteEndElement();
        }

        sheet.WriteEndElement();
    }

    private static string Reference(int column)
    {
        var letters = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    private static string XmlSafe(string value)
    {
        foreach (var c in value)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Concat(value.Where(x => XmlConvert.IsXmlChar(x) || char.IsSurrogate(x)));
            }
        }

        return value;
    }

    private static Stylesheet BuildStyles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

    // "-12.5", "0", "42": what CsvCells.Number writes; leading zeros (identifiers such as "007") stay text.
    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\[\]:*?/\\]", RegexOptions.CultureInvariant)]
    private static partial Regex ForbiddenInSheetName();
}
