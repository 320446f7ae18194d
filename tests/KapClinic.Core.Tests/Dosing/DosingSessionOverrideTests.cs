using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

/// <summary>The session weighs its own gates, each hold needs its own reason, and the route is the protocol's.</summary>
public sealed class DosingSessionOverrideTests
{
    private static GateOverrideRequest Reasons(params (DosingGate Gate, string? Reason)[] reasons) =>
        new(PrescriberId, "Dr P. Prescriber, MD", reasons.ToDictionary(r => r.Gate, r => r.Reason));

    [Fact]
    public void An_override_with_a_reason_for_one_hold_does_not_override_another_hold()
    {
        var session = Prepared(checklist: WithVitals(165, 95) with { PregnancyTest = PregnancyTest.Positive });

        var refusal = Assert.Throws<DosingGateException>(
            () => Give(session, Dose(session), Reasons((DosingGate.BloodPressureHold, "Usual BP; rechecked after rest.")), Now));

        Assert.Equal([DosingGate.PregnancyTestPositive, DosingGate.BloodPressureHold], refusal.Holds.Select(h => h.Gate));
        Assert.Equal(DosingGate.PregnancyTestPositive, Assert.Single(refusal.Unreasoned).Gate);
        Assert.Contains("each hold overridden needs its own written reason", refusal.Message, StringComparison.Ordinal);
        Assert.False(session.IsDosed);
        Assert.Empty(session.Overrides);
    }

    [Fact]
    public void A_blank_reason_is_no_reason()
    {
        var session = Prepared(checklist: WithVitals(165, 95, heartRate: 115));

        var refusal = Assert.Throws<DosingGateException>(() => Give(
            session, Dose(session), Reasons((DosingGate.BloodPressureHold, "Usual BP."), (DosingGate.HeartRateHold, "   ")), Now));

        Assert.Equal(DosingGate.HeartRateHold, Assert.Single(refusal.Unreasoned).Gate);
        Assert.False(session.IsDosed);
    }

    [Fact]
    public void Each_override_row_keeps_the_reason_written_for_its_own_hold()
    {
        var session = Prepared(checklist: WithVitals(165, 95, heartRate: 115));

        Give(session, Dose(session), Reasons((DosingGate.BloodPressureHold, "  Usual BP 160s.  "), (DosingGate.HeartRateHold, "Anxious; HR 98 after rest.")), Now);

        Assert.Equal(
            [(DosingGate.BloodPressureHold, "Usual BP 160s."), (DosingGate.HeartRateHold, "Anxious; HR 98 after rest.")],
            session.Overrides.Select(o => (o.Gate, o.Reason)));
    }

    [Fact]
    public void The_session_weighs_the_gates_itself_from_the_readiness_and_thresholds_it_is_given()
    {
        var notReady = Prepared();
        var strict = Prepared();
        var suicideRisk = Prepared(cssrs: RiskLevel.High);

        var course = Assert.Throws<DosingGateException>(() => Give(notReady, Dose(notReady), null, Now, readiness: Readiness.From(["No signed readiness decision."])));
        var thresholds = Assert.Throws<DosingGateException>(() => Give(strict, Dose(strict), null, Now, thresholds: DosingThresholds.Defaults with { HoldHeartRateAbove = 70 }));
        var risk = Assert.Throws<DosingGateException>(() => Give(suicideRisk, Dose(suicideRisk), null, Now));

        Assert.Equal(DosingGate.NotReadyToDose, Assert.Single(course.Holds).Gate);
        Assert.Equal(DosingGate.HeartRateHold, Assert.Single(thresholds.Holds).Gate);
        Assert.Equal(DosingGate.SuicideRiskHigh, Assert.Single(risk.Holds).Gate);
    }

    [Fact]
    public void The_range_is_checked_on_the_dose_given_not_on_a_dose_the_caller_weighed()
    {
        var session = Prepared();

        var refusal = Assert.Throws<DosingGateException>(() => Give(session, Dose(session, 200m), null, Now));

        Assert.Equal(DosingGate.DoseOutOfRange, Assert.Single(refusal.Holds).Gate);
    }

    [Theory]
    [InlineData(AdministrationRoute.Intravenous)]
    [InlineData(AdministrationRoute.Sublingual)]
    public void The_route_is_the_protocols(AdministrationRoute other)
    {
        var session = Prepared();

        var refusal = Assert.Throws<RuleViolationException>(() => Give(session, Dose(session) with { Route = other }, null, Now));

        Assert.Equal(("Route", "This session follows the Intramuscular protocol: the route is Intramuscular."), (refusal.Field, refusal.Message));
        Assert.False(session.IsDosed);
    }
}
