using KapClinic.Core.Notes;

namespace KapClinic.Core.Tests.Notes;

public sealed class NoteContentTests
{
    [Fact]
    public void Canonical_form_sorts_fields_and_leaves_out_empty_ones()
    {
        var a = new NoteContent().Add("b", "two").Add("a", "one").Add("c", (string?)null).AddList("d", []);
        var b = new NoteContent().Add("a", "one").Add("b", "two");

        Assert.Equal("""{"a":"one","b":"two"}""", a.ToCanonicalJson());
        Assert.Equal(a.Hash(), b.Hash());
    }

    [Fact]
    public void Text_is_hashed_exactly_as_written_including_markup_and_line_breaks()
    {
        var plain = new NoteContent().Add("text", "line one\nline two").Hash();

        Assert.NotEqual(plain, new NoteContent().Add("text", "line one\r\nline two").Hash());
        Assert.Contains("<b>\\n", new NoteContent().Add("text", "<b>\n").ToCanonicalJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_written_in_utc_to_the_microsecond_whatever_their_offset()
    {
        var utc = new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero).AddTicks(12_345_67);
        var local = utc.ToOffset(TimeSpan.FromHours(-4));

        Assert.Equal(new NoteContent().Add("t", utc).Hash(), new NoteContent().Add("t", local).Hash());
        Assert.Equal("""{"t":"2026-03-10T15:30:00.123456Z"}""", new NoteContent().Add("t", utc).ToCanonicalJson());
    }

    [Fact]
    public void A_field_cannot_be_written_twice()
    {
        Assert.Throws<InvalidOperationException>(() => new NoteContent().Add("a", "1").Add("a", "2"));
    }
}
