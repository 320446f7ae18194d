using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

public sealed class DosingSessionDischargeTests
{
    [Fact]
    public void Esketamine_discharge_waits_120_minutes_from_the_first_device()
    {
        var session = Checked(DefaultProtocols.EsketamineId);
        Assert.Equal(DoseAt.AddMinutes(120), session.EarliestDischargeAt(DosingThresholds.Defaults));

        var early = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(119)), DosingThresholds.Defaults, Now));

        Assert.Equal("DischargedAt", early.Field);
        Assert.Equal("Discharge is allowed at the earliest 120 min from the first device (the protocol's minimum monitoring time); keep monitoring until then.", early.Message);
        Assert.False(session.IsDischarged);
        session.Discharge(Discharge(DoseAt.AddMinutes(120)) with { ReadyToLeaveAt = DoseAt.AddMinutes(110) }, DosingThresholds.Defaults, Now);
        Assert.Equal(DoseAt.AddMinutes(120), session.DischargedAt);
        Assert.Equal(120, session.MonitoringMinutes(Now));
    }

    [Fact]
    public void A_longer_esketamine_minimum_set_by_the_clinic_applies()
    {
        var session = Checked(DefaultProtocols.EsketamineId);
        var thresholds = DosingThresholds.Defaults with { EsketamineMinimumMonitoringMinutes = 150 };

        Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(149)), thresholds, Now));
        session.Discharge(Discharge(DoseAt.AddMinutes(150)) with { ReadyToLeaveAt = DoseAt.AddMinutes(150) }, thresholds, Now);
    }

    [Fact]
    public void Ketamine_discharge_waits_60_minutes_after_the_infusion_ends_and_never_while_it_runs()
    {
        var session = Checked(DefaultProtocols.IvKetamineId);
        Assert.Null(session.EarliestDischargeAt(DosingThresholds.Defaults));

        var running = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(120)), DosingThresholds.Defaults, Now));
        Assert.Equal("The IV infusion is still running: record its end first.", running.Message);

        session.EndInfusion(session.Administrations[0].Id, DoseAt.AddMinutes(40), null, Now);
        Assert.Equal(DoseAt.AddMinutes(100), session.EarliestDischargeAt(DosingThresholds.Defaults));
        var early = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(99)), DosingThresholds.Defaults, Now));
        Assert.Equal("Discharge is allowed at the earliest 60 min after the dose ended (the protocol's minimum monitoring time); keep monitoring until then.", early.Message);

        session.Discharge(Discharge(DoseAt.AddMinutes(100)), DosingThresholds.Defaults, Now);
        Assert.True(session.IsDischarged);
    }

    [Fact]
    public void Im_ketamine_discharge_waits_60_minutes_after_the_injection()
    {
        var session = Checked(DefaultProtocols.ImKapId);

        Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(59)), DosingThresholds.Defaults, Now));
        session.Discharge(Discharge(DoseAt.AddMinutes(60)), DosingThresholds.Defaults, Now);
    }

    [Theory]
    [InlineData(0, "vitals back near baseline")]
    [InlineData(1, "alert and oriented")]
    [InlineData(2, "walking steadily")]
    [InlineData(3, "nausea controlled")]
    [InlineData(4, "responsible adult present")]
    [InlineData(5, "discharge instructions given")]
    public void Every_discharge_criterion_is_required(int unmet, string named)
    {
        var session = Checked();
        var at = DoseAt.AddMinutes(90);
        var assessment = new DischargeAssessment(unmet != 0, unmet != 1, unmet != 2, unmet != 3, unmet != 4, unmet != 5, at, "Sam", null);

        var refusal = Assert.Throws<RuleViolationException>(() => session.Discharge(assessment, DosingThresholds.Defaults, Now));

        Assert.Equal($"Every discharge criterion must be met before the patient leaves; not yet: {named}.", refusal.Message);
        Assert.False(session.IsDischarged);
    }

    [Fact]
    public void Who_the_patient_left_with_is_required()
    {
        var session = Checked();

        var refusal = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(90)) with { DischargedWith = "  " }, DosingThresholds.Defaults, Now));

        Assert.Equal(("DischargedWith", "Enter who the patient left with."), (refusal.Field, refusal.Message));
    }

    [Fact]
    public void Discharge_needs_a_dose_a_time_not_in_the_future_and_ready_to_leave_within_the_monitoring()
    {
        var undosed = Prepared();
        Assert.StartsWith("No dose is recorded", Assert.Throws<RuleViolationException>(() => undosed.Discharge(Discharge(Now), DosingThresholds.Defaults, Now)).Message, StringComparison.Ordinal);

        var session = Checked();
        Assert.Equal("DischargedAt", Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(Now.AddMinutes(3)), DosingThresholds.Defaults, Now)).Field);
        var ready = Discharge(DoseAt.AddMinutes(90)) with { ReadyToLeaveAt = DoseAt.AddMinutes(91) };
        Assert.Equal("ReadyToLeaveAt", Assert.Throws<RuleViolationException>(() => session.Discharge(ready, DosingThresholds.Defaults, Now)).Field);

        session.Discharge(ready with { ReadyToLeaveAt = DoseAt.AddMinutes(70) }, DosingThresholds.Defaults, Now);
        Assert.Equal(DoseAt.AddMinutes(70), session.ReadyToLeaveAt);
        Assert.Contains("discharged", Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(Now), DosingThresholds.Defaults, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("discharged", Assert.Throws<RuleViolationException>(() => Give(session, Dose(session, at: Now), null, Now)).Message, StringComparison.Ordinal);
    }
}
