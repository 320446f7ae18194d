using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

public sealed class DosingSessionDoseTests
{
    [Fact]
    public void A_hold_without_an_override_refuses_the_dose_and_lists_the_holds()
    {
        var session = Prepared(checklist: WithVitals(165, 95, heartRate: 115));
        var findings = Gates(session, 50m);

        var refusal = Assert.Throws<DosingGateException>(() => Give(session, Dose(session), null, Now));

        Assert.Equal([DosingGate.BloodPressureHold, DosingGate.HeartRateHold], refusal.Holds.Select(h => h.Gate));
        Assert.StartsWith("The dose was not recorded: Pre-dose blood pressure 165/95", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith("A prescriber may override each hold with a written reason.", refusal.Message, StringComparison.Ordinal);
        Assert.False(session.IsDosed);
        Assert.Empty(session.Overrides);
    }

    [Fact]
    public void An_override_stores_one_gate_override_per_hold_with_the_finding_its_own_reason_and_prescriber()
    {
        var session = Prepared(checklist: WithVitals(165, 95, heartRate: 115));
        var findings = Gates(session, 50m);

        var given = Give(session, Dose(session), Override, Now);

        Assert.True(session.IsDosed);
        Assert.Equal(2, session.Overrides.Count);
        Assert.Equal([DosingGate.BloodPressureHold, DosingGate.HeartRateHold], session.Overrides.Select(o => o.Gate));
        Assert.All(session.Overrides, o =>
        {
            Assert.Equal(given.Id, o.AdministrationId);
            Assert.Equal(PrescriberId, o.PrescriberId);
            Assert.Equal("Dr P. Prescriber, MD", o.PrescriberName);
            Assert.Equal(ReasonFor(o.Gate), o.Reason);
            Assert.Equal(Now, o.OverriddenAt);
        });
        Assert.Equal(findings[0].Message, session.Overrides[0].Finding);
    }

    [Fact]
    public void A_dose_changes_the_session_row_so_a_stale_dose_form_is_a_conflict()
    {
        var session = Prepared();

        Give(session, Dose(session), null, Now);

        Assert.Equal(Now, session.UpdatedAt);
        Assert.Equal(Start, session.StartedAt);
    }

    [Fact]
    public void A_warning_alone_needs_no_override_and_stores_none()
    {
        var session = Prepared(checklist: WithVitals(159, 99));
        var findings = Gates(session, 50m);

        Give(session, Dose(session), null, Now);

        Assert.False(Assert.Single(findings).IsHold);
        Assert.True(session.IsDosed);
        Assert.Empty(session.Overrides);
    }

    [Fact]
    public void The_dose_time_must_lie_between_the_sessions_start_and_now()
    {
        var session = Prepared();

        var early = Assert.Throws<RuleViolationException>(() => Give(session, Dose(session, at: Start.AddMinutes(-1)), null, Now));
        var future = Assert.Throws<RuleViolationException>(() => Give(session, Dose(session, at: Now.AddMinutes(3)), null, Now));

        Assert.Equal(("AdministeredAt", "AdministeredAt"), (early.Field, future.Field));
        Assert.Equal("The dose time must be between the session's start and now.", early.Message);
        Assert.False(session.IsDosed);
        Give(session, Dose(session, at: Now.AddMinutes(DosingSession.FutureToleranceMinutes)), null, Now);
        Assert.True(session.IsDosed);
    }

    [Theory]
    [InlineData(2, "56", null)]
    [InlineData(3, "84", null)]
    [InlineData(1, "28", null)]
    [InlineData(2, "84", "2 devices of 28 mg give 56 mg, not 84 mg.")]
    [InlineData(4, "112", "Enter the number of esketamine devices used (1-3).")]
    [InlineData(0, "56", "Enter the number of esketamine devices used (1-3).")]
    public void Esketamine_is_counted_in_devices_of_28_mg(int devices, string doseMg, string? refusal)
    {
        var session = Prepared(DefaultProtocols.EsketamineId);
        var dose = Dose(session, decimal.Parse(doseMg, System.Globalization.CultureInfo.InvariantCulture), devices: devices);

        if (refusal is null)
        {
            Assert.Equal(devices, Give(session, dose, Override, Now).DeviceCount);
        }
        else
        {
            Assert.Equal(refusal, Assert.Throws<RuleViolationException>(() => Give(session, dose, Override, Now)).Message);
        }
    }

    [Fact]
    public void Esketamine_without_a_device_count_is_refused()
    {
        var session = Prepared(DefaultProtocols.EsketamineId);

        var refusal = Assert.Throws<RuleViolationException>(() => Give(session, Dose(session) with { DeviceCount = null }, null, Now));

        Assert.Equal("DeviceCount", refusal.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void An_iv_infusion_cannot_end_at_or_before_its_start(int minutes)
    {
        var session = Prepared(DefaultProtocols.IvKetamineId);

        var refusal = Assert.Throws<RuleViolationException>(() => Give(session, Dose(session, infusionEnd: DoseAt.AddMinutes(minutes)), null, Now));

        Assert.Equal(("InfusionEndAt", "The infusion must end after it started."), (refusal.Field, refusal.Message));
    }

    [Fact]
    public void A_running_infusion_ends_once_after_its_start_and_not_in_the_future()
    {
        var session = Dosed(DefaultProtocols.IvKetamineId);
        var infusion = Assert.Single(session.Administrations);
        Assert.True(infusion.IsInfusionRunning);

        Assert.Equal("InfusionEndAt", Assert.Throws<RuleViolationException>(() => session.EndInfusion(infusion.Id, DoseAt, null, Now)).Field);
        Assert.Equal("InfusionEndAt", Assert.Throws<RuleViolationException>(() => session.EndInfusion(infusion.Id, Now.AddMinutes(3), null, Now)).Field);
        session.EndInfusion(infusion.Id, DoseAt.AddMinutes(40), 60m, Now);

        Assert.False(infusion.IsInfusionRunning);
        Assert.Equal((DoseAt.AddMinutes(40), 60m), (infusion.InfusionEndAt!.Value, infusion.InfusionRateMlPerHour!.Value));
        Assert.Throws<RuleViolationException>(() => session.EndInfusion(infusion.Id, DoseAt.AddMinutes(45), null, Now));
        Assert.Throws<NotFoundException>(() => session.EndInfusion(Guid.NewGuid(), DoseAt.AddMinutes(45), null, Now));
    }

    [Fact]
    public void The_checklist_cannot_change_after_the_dose()
    {
        var session = Dosed();

        var refusal = Assert.Throws<RuleViolationException>(() => session.RecordChecklist(Complete with { WeightKg = 80m }, Now));
        Assert.Throws<RuleViolationException>(() => session.RecordPreDoseCssrs(Guid.NewGuid(), RiskLevel.Low, Now));

        Assert.StartsWith("The dose is recorded: the pre-dose checklist can no longer change.", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(70m, session.WeightKg);
    }

    [Fact]
    public void A_withheld_dose_closes_the_session_to_doses_and_to_the_checklist()
    {
        var session = Prepared(checklist: WithVitals(170, 105));
        session.WithholdDose("  BP stayed at 170/105 after rest.  ", Now);

        Assert.Equal("BP stayed at 170/105 after rest.", session.DoseWithheldReason);
        Assert.Contains("withheld", Assert.Throws<RuleViolationException>(() => Give(session, Dose(session), Override, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("withheld", Assert.Throws<RuleViolationException>(() => session.RecordChecklist(Complete, Now)).Message, StringComparison.Ordinal);
        Assert.Throws<RuleViolationException>(() => Dosed().WithholdDose("Changed my mind.", Now));
    }
}
