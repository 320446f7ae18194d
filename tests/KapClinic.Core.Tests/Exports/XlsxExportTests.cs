using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KapClinic.Core.Exports;
using Line = (string Name, decimal? Dose, string When, string Id);

namespace KapClinic.Core.Tests.Exports;

public sealed class XlsxExportTests
{
    private static readonly ReportTable<Line> Table = new(
        [new PdfColumn("Name", 2), new PdfColumn("Dose (mg)", 1, AlignRight: true), new PdfColumn("Given at", 2), new PdfColumn("MRN", 1)],
        r => [CsvCells.Text(r.Name), CsvCells.Number(r.Dose), r.When, r.Id],
        r => [r.Name, r.Dose?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.When, r.Id]);

    [Fact]
    public async Task An_xlsx_written_to_a_non_seekable_async_only_stream_reads_back_with_numbers_as_numbers_and_text_as_text()
    {
        await using var output = new AsyncOnlyStream();
        var heading = new ReportHeading("Clinic", "Dosing: vitals [all] / 2026? a very long title indeed", [], "now");
        var count = await TableExport.WriteAsync(
            output, ExportFormat.Xlsx, heading, Table,
            Rows(("Zoë Ñúñez, \"Jr\"", 35.5m, "2026-11-03T09:15:00-05:00", "007"), ("=HYPERLINK(\"x\")", -0.5m, "", "12")),
            new ReportRows([], [], ["Doses: 2"]));

        Assert.Equal(2, count);
        using var read = new MemoryStream(output.Received.ToArray());
        using var document = SpreadsheetDocument.Open(read, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Dosing vitals all 2026 a very l", sheet.Name!.Value);
        Assert.True(sheet.Name.Value!.Length <= 31);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["Name", "Dose (mg)", "Given at", "MRN"], rows[0].Elements<Cell>().Select(Text));
        Assert.All(rows[0].Elements<Cell>(), c => Assert.Equal(1u, c.StyleIndex!.Value));
        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Zoë Ñúñez, \"Jr\"", Text(first[0]));
        Assert.Equal(CellValues.Number, first[1].DataType?.Value ?? CellValues.Number);
        Assert.Null(first[1].InlineString);
        Assert.Equal("35.5", first[1].CellValue!.Text);
        Assert.Equal(CellValues.InlineString, first[2].DataType!.Value);
        Assert.Equal("2026-11-03T09:15:00-05:00", Text(first[2]));
        Assert.Equal(CellValues.InlineString, first[3].DataType!.Value);
        Assert.Equal("007", Text(first[3]));
        var second = rows[2].Elements<Cell>().ToList();
        Assert.Equal("'=HYPERLINK(\"x\")", Text(second[0]));
        Assert.Null(second[0].CellFormula);
        Assert.Equal("-0.5", second[1].CellValue!.Text);
        Assert.Equal("Doses: 2", Text(rows[^1].Elements<Cell>().Single()));
        Assert.NotNull(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Pane>().SingleOrDefault(p => p.State! == PaneStateValues.Frozen));
    }

    [Fact]
    public async Task A_large_xlsx_reaches_the_output_in_many_bounded_writes_instead_of_one_buffer()
    {
        await using var output = new AsyncOnlyStream();
        var rows = Enumerable.Range(0, 50_000).Select(i => (Line)($"Patient {i}", (decimal?)i, "2026-01-01T00:00:00Z", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var count = await TableExport.WriteAsync(output, ExportFormat.Xlsx, new ReportHeading("C", "Big", [], "now"), Table, Rows([.. rows]), ReportRows.None);

        Assert.Equal(50_000, count);
        Assert.True(output.Writes > 20, $"{output.Writes} writes");
        Assert.True(output.LargestWrite < 1024 * 1024, $"largest write {output.LargestWrite} bytes of {output.Received.Length}");
        using var read = new MemoryStream(output.Received.ToArray());
        using var document = SpreadsheetDocument.Open(read, false);
        Assert.Equal(50_001, document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
    }

    [Theory]
    [InlineData("Audit log", "Audit log")]
    [InlineData("", "Report")]
    [InlineData("a/b\\c?d*e[f]g:h", "a b c d e f g h")]
    public void Sheet_names_are_what_excel_accepts(string title, string expected) => Assert.Equal(expected, XlsxTableWriter.SheetName(title));

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;

    private static async IAsyncEnumerable<Line> Rows(params Line[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
