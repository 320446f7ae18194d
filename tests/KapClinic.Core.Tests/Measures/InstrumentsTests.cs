using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class InstrumentsTests
{
    [Fact]
    public void Every_instrument_has_exactly_one_definition()
    {
        Assert.Equal(Enum.GetValues<Instrument>(), Instruments.All.Select(d => d.Instrument));
        Assert.All(Enum.GetValues<Instrument>(), i => Assert.Equal(i, Instruments.Get(i).Instrument));
    }

    [Fact]
    public void An_unknown_instrument_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Instruments.Get((Instrument)99));

    [Theory]
    [InlineData(Instrument.Phq9, "PHQ-9", 9, 0, 3, 0, 27)]
    [InlineData(Instrument.Gad7, "GAD-7", 7, 0, 3, 0, 21)]
    [InlineData(Instrument.Pcl5, "PCL-5", 20, 0, 4, 0, 80)]
    [InlineData(Instrument.QidsSr16, "QIDS-SR16", 16, 0, 3, 0, 27)]
    [InlineData(Instrument.Madrs, "MADRS", 10, 0, 6, 0, 60)]
    [InlineData(Instrument.CssrsScreener, "C-SSRS", 7, 0, 1, 0, 6)]
    [InlineData(Instrument.Cadss6, "CADSS-6", 6, 0, 4, 0, 24)]
    [InlineData(Instrument.Meq30, "MEQ-30", 30, 0, 5, 0, 150)]
    [InlineData(Instrument.Edi, "EDI", 8, 0, 100, 0, 100)]
    public void Items_and_ranges_match_the_clinical_table(
        Instrument instrument, string shortName, int items, int itemMin, int itemMax, int totalMin, int totalMax)
    {
        var definition = Instruments.Get(instrument);

        Assert.Equal(shortName, definition.ShortName);
        Assert.StartsWith(shortName + " ", definition.Name, StringComparison.Ordinal);
        Assert.Equal(items, definition.ItemCount);
        Assert.Equal((itemMin, itemMax), (definition.ItemMin, definition.ItemMax));
        Assert.Equal((totalMin, totalMax), (definition.TotalMin, definition.TotalMax));
        Assert.All(definition.ItemLabels, label => Assert.False(string.IsNullOrWhiteSpace(label)));
    }

    [Fact]
    public void Bands_cover_every_possible_total_once_and_rise_in_severity()
    {
        foreach (var definition in Instruments.All.Where(d => d.Bands.Count > 0))
        {
            Assert.Equal(definition.TotalMin, definition.Bands[0].Min);
            Assert.Equal(definition.TotalMax, definition.Bands[^1].Max);
            for (var i = 1; i < definition.Bands.Count; i++)
            {
                Assert.Equal(definition.Bands[i - 1].Max + 1, definition.Bands[i].Min);
                Assert.True(definition.Bands[i - 1].Level < definition.Bands[i].Level, $"{definition.ShortName} band {i} must be more severe");
            }
        }
    }

    [Theory]
    [InlineData(Instrument.Pcl5)]
    [InlineData(Instrument.CssrsScreener)]
    [InlineData(Instrument.Cadss6)]
    [InlineData(Instrument.Meq30)]
    [InlineData(Instrument.Edi)]
    public void Instruments_without_total_bands_have_none(Instrument instrument) =>
        Assert.Empty(Instruments.Get(instrument).Bands);

    [Fact]
    public void Only_the_cssrs_is_yes_no_and_its_seventh_item_is_numbered_6b()
    {
        Assert.Equal([Instrument.CssrsScreener], Instruments.All.Where(d => d.IsYesNo).Select(d => d.Instrument));
        var cssrs = Instruments.Get(Instrument.CssrsScreener);
        Assert.Equal("6", cssrs.ItemNumber(5));
        Assert.Equal("6b", cssrs.ItemNumber(6));
        Assert.Equal("9", Instruments.Get(Instrument.Phq9).ItemNumber(8));
    }

    [Fact]
    public void Public_domain_scales_show_their_wording_and_the_others_neutral_labels()
    {
        Assert.Equal("Thoughts that you would be better off dead or of hurting yourself in some way", Instruments.Get(Instrument.Phq9).ItemLabels[8]);
        Assert.Equal("Trouble relaxing", Instruments.Get(Instrument.Gad7).ItemLabels[3]);
        Assert.Equal("Trouble falling or staying asleep?", Instruments.Get(Instrument.Pcl5).ItemLabels[19]);
        Assert.Equal("Item 3", Instruments.Get(Instrument.Cadss6).ItemLabels[2]);
        Assert.Equal("Item 8", Instruments.Get(Instrument.Edi).ItemLabels[7]);
        Assert.Equal("Item 3 (Ineffability)", Instruments.Get(Instrument.Meq30).ItemLabels[2]);
        Assert.Equal("Thoughts of death or suicide", Instruments.Get(Instrument.QidsSr16).ItemLabels[11]);
    }

    [Fact]
    public void Meq30_subscales_take_every_item_exactly_once()
    {
        Assert.Equal([15, 6, 6, 3], Meq30Subscale.All.Select(s => s.Items.Count));
        Assert.Equal(Enumerable.Range(1, 30), Meq30Subscale.All.SelectMany(s => s.Items).Order());
        Assert.Equal([75, 30, 30, 15], Meq30Subscale.All.Select(s => s.Maximum));
    }
}
