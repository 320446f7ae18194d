using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

public sealed class DoseRangeTests
{
    [Theory]
    [InlineData("35", true)]
    [InlineData("34.99", false)]
    [InlineData("105", true)]
    [InlineData("105.01", false)]
    public void A_per_kg_range_is_checked_exactly_at_its_edges(string doseMg, bool inRange)
    {
        // IM KAP: 0.5-1.5 mg/kg; at 70 kg, 35-105 mg.
        var findings = Gates(Prepared(DefaultProtocols.ImKapId), decimal.Parse(doseMg, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(inRange, findings.Count == 0);
        if (!inRange)
        {
            var finding = Assert.Single(findings);
            Assert.Equal(DosingGate.DoseOutOfRange, finding.Gate);
            Assert.True(finding.IsHold);
            Assert.Contains(doseMg == "34.99" ? "below the protocol's minimum of 35 mg (0.5 mg/kg at 70 kg)" : "above the protocol's maximum of 105 mg (1.5 mg/kg at 70 kg)", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("34.99", "A total of 34.99 mg is below the protocol's minimum of 35 mg (0.5 mg/kg at 70 kg): it is 0.4999 mg/kg.")]
    [InlineData("34.6", "A total of 34.6 mg is below the protocol's minimum of 35 mg (0.5 mg/kg at 70 kg): it is 0.49 mg/kg.")]
    [InlineData("105.5", "A total of 105.5 mg is above the protocol's maximum of 105 mg (1.5 mg/kg at 70 kg): it is 1.51 mg/kg.")]
    [InlineData("140", "A total of 140 mg is above the protocol's maximum of 105 mg (1.5 mg/kg at 70 kg): it is 2.00 mg/kg.")]
    public void The_out_of_range_message_leads_with_the_mg_limit_and_never_shows_the_dose_as_the_limit_itself(string doseMg, string message)
    {
        var finding = Assert.Single(Gates(Prepared(DefaultProtocols.ImKapId), decimal.Parse(doseMg, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData("100", true)]
    [InlineData("99.99", false)]
    [InlineData("400", true)]
    [InlineData("400.01", false)]
    public void A_mg_range_is_checked_at_its_edges(string doseMg, bool inRange)
    {
        // Sublingual KAP: 100-400 mg.
        var findings = Gates(Prepared(DefaultProtocols.SublingualKapId), decimal.Parse(doseMg, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(inRange, findings.Count == 0);
        if (!inRange)
        {
            Assert.Equal(
                inRange ? null : doseMg == "99.99" ? "A total of 99.99 mg is below the protocol's minimum of 100 mg." : "A total of 400.01 mg is above the protocol's maximum of 400 mg.",
                Assert.Single(findings, f => f.Gate == DosingGate.DoseOutOfRange).Message);
        }
    }

    [Fact]
    public void The_range_applies_to_the_sessions_total_across_administrations()
    {
        var session = Prepared(DefaultProtocols.SublingualKapId);
        Give(session, Dose(session, 300m), null, DoseAt.AddMinutes(1));

        Assert.Empty(Gates(session, 100m));
        var finding = Assert.Single(Gates(session, 101m));
        Assert.Equal("A total of 401 mg is above the protocol's maximum of 400 mg.", finding.Message);
        Assert.Equal(300m, session.TotalDoseMg);
    }

    [Fact]
    public void A_per_kg_range_without_the_weight_of_the_day_asks_for_it()
    {
        var session = Prepared(DefaultProtocols.ImKapId, Complete with { WeightKg = null });

        var range = Assert.Single(Gates(session, 50m), f => f.Gate == DosingGate.DoseOutOfRange);

        Assert.Equal("The dose range is per kg: record the weight of the day first.", range.Message);
        Assert.Equal("The dose range is per kg: record the weight of the day first.", DosingGates.RangeProblem(session, 50m, null));
        Assert.Null(DosingGates.RangeProblem(Prepared(DefaultProtocols.SublingualKapId), 200m, null));
    }

    [Fact]
    public void Without_a_dose_there_is_no_range_check()
    {
        Assert.Empty(Gates(Prepared(DefaultProtocols.ImKapId, Complete), doseMg: null));
        Assert.DoesNotContain(Gates(Prepared(DefaultProtocols.ImKapId, Complete with { WeightKg = null })), f => f.Gate == DosingGate.DoseOutOfRange);
    }

    [Fact]
    public void Mg_per_kg_is_rounded_to_two_decimals_and_needs_a_weight()
    {
        Assert.Equal(0.5m, DosingGates.MgPerKg(35m, 70m));
        Assert.Equal(0.71m, DosingGates.MgPerKg(50m, 70m));
        Assert.Equal(0.5m, DosingGates.MgPerKg(34.99m, 70m));
        Assert.Null(DosingGates.MgPerKg(35m, null));
        Assert.Null(DosingGates.MgPerKg(35m, 0m));
    }

    [Fact]
    public void An_administration_keeps_the_weight_of_the_day_and_its_mg_per_kg()
    {
        var session = Dosed(DefaultProtocols.ImKapId);

        var given = Assert.Single(session.Administrations);

        Assert.Equal((50m, 70m, 0.71m, 1), (given.DoseMg, given.WeightKg!.Value, given.MgPerKg!.Value, given.Sequence));
    }
}
