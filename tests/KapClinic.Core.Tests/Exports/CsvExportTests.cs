using System.Text;
using KapClinic.Core.Exports;

namespace KapClinic.Core.Tests.Exports;

public sealed class CsvExportTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Dropped lozenge", "Dropped lozenge")]
    [InlineData("a=b", "a=b")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_quote(string text, string cell) =>
        Assert.Equal(cell, CsvCells.Text(text));

    [Fact]
    public void Numbers_keep_their_sign_and_a_point_and_times_are_iso_8601_in_the_clinic_zone_with_offset()
    {
        Assert.Equal("-0.5", CsvCells.Number(-0.50m));
        Assert.Equal(string.Empty, CsvCells.Number(null));
        Assert.Equal("2026-11-03T09:15:00-05:00", CsvCells.Time(new DateTimeOffset(2026, 11, 3, 14, 15, 0, TimeSpan.Zero), NewYork));
        Assert.Equal("2026-07-03T10:15:00-04:00", CsvCells.Time(new DateTimeOffset(2026, 7, 3, 14, 15, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public async Task Rows_are_rfc_4180_utf8_with_crlf_and_quoted_only_when_needed()
    {
        using var output = new MemoryStream();
        await using (var csv = new CsvRowWriter(output))
        {
            await csv.WriteRowAsync(["a", "b,c", "say \"hi\"", "two\nlines", "Zoë"]);
            await csv.WriteRowAsync(["", "x"]);
        }

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",Zoë\r\n,x\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Long_text_wraps_at_spaces_cuts_a_long_word_and_ends_in_an_ellipsis_past_the_line_limit()
    {
        static double Width(string s) => s.Length;

        Assert.Equal(["one two", "three"], PdfTextWrap.Lines("one two three", 4, 8, Width));
        Assert.Equal(["abcdefgh", "ij"], PdfTextWrap.Lines("abcdefghij", 4, 8, Width));
        Assert.Equal(["aaa bbb", "ccc ddd…"], PdfTextWrap.Lines("aaa bbb ccc ddd eee", 2, 8, Width));
    }
}
