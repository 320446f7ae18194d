using KapClinic.Core.Measures;

namespace KapClinic.Core.Tests.Measures;

public sealed class OutcomeRulesTests
{
    [Theory]
    [InlineData(20, 10, true)]     // exactly 50 % drop
    [InlineData(20, 10.5, false)]  // 47.5 % drop
    [InlineData(21, 10.5, true)]   // exactly half of an odd baseline
    [InlineData(21, 11, false)]
    [InlineData(20, 0, true)]
    [InlineData(20, 25, false)]    // worse
    [InlineData(0, 0, false)]      // nothing to improve on
    [InlineData(1, 0, true)]
    public void Response_is_a_drop_of_at_least_half_from_baseline(double baseline, double latest, bool response) =>
        Assert.Equal(response, OutcomeRules.IsResponse((decimal)baseline, (decimal)latest));

    [Fact]
    public void Negative_scores_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeRules.IsResponse(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeRules.IsResponse(10, -1));
    }

    [Theory]
    [InlineData(Instrument.Phq9, 0, true)]
    [InlineData(Instrument.Phq9, 4, true)]
    [InlineData(Instrument.Phq9, 5, false)]
    [InlineData(Instrument.Madrs, 10, true)]
    [InlineData(Instrument.Madrs, 11, false)]
    public void Remission_is_phq9_below_5_or_madrs_10_or_less(Instrument instrument, int score, bool remission) =>
        Assert.Equal(remission, OutcomeRules.IsRemission(instrument, score));

    [Theory]
    [InlineData(Instrument.Gad7)]
    [InlineData(Instrument.Pcl5)]
    [InlineData(Instrument.QidsSr16)]
    [InlineData(Instrument.CssrsScreener)]
    [InlineData(Instrument.Cadss6)]
    [InlineData(Instrument.Meq30)]
    [InlineData(Instrument.Edi)]
    public void Remission_is_not_defined_for_other_instruments(Instrument instrument)
    {
        Assert.False(OutcomeRules.DefinesRemission(instrument));
        Assert.False(OutcomeRules.IsRemission(instrument, 0));
    }

    [Fact]
    public void Phq9_and_madrs_define_remission()
    {
        Assert.True(OutcomeRules.DefinesRemission(Instrument.Phq9));
        Assert.True(OutcomeRules.DefinesRemission(Instrument.Madrs));
    }
}
