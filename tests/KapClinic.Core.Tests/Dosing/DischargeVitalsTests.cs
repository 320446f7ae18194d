using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

/// <summary>The vitals and the REMS time a discharge needs, refused in the domain whatever the page does.</summary>
public sealed class DischargeVitalsTests
{
    private static readonly DosingThresholds Defaults = DosingThresholds.Defaults;

    [Fact]
    public void Discharge_is_refused_while_the_latest_reading_is_beyond_an_alert_limit_until_a_new_reading_is_within_limits()
    {
        var session = Checked();
        var low = AddReading(session, DoseAt.AddMinutes(80), new VitalSigns(128, 82, 72, 90, 14));

        var refusal = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now));

        Assert.Equal(
            $"The latest reading ({low.TakenAt.UtcDateTime:HH:mm}: SpO2 90 %) is beyond an alert limit: take a new reading within limits before discharge.",
            refusal.Message);
        Assert.False(session.IsDischarged);
        AddReading(session, DoseAt.AddMinutes(85));
        session.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now);
        Assert.True(session.IsDischarged);
    }

    [Fact]
    public void The_refusal_shows_the_reading_time_in_the_clinics_zone()
    {
        var session = Checked();
        var high = AddReading(session, DoseAt.AddMinutes(80), new VitalSigns(186, 100, 72, 97, 14));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var refusal = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now, zone));

        Assert.StartsWith($"The latest reading ({TimeZoneInfo.ConvertTime(high.TakenAt, zone):HH:mm}: BP 186/100) is beyond", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_row_without_a_blood_pressure_does_not_hide_a_high_blood_pressure_never_rechecked()
    {
        var session = Checked();
        AddReading(session, DoseAt.AddMinutes(70), new VitalSigns(188, 112, 90, 97, 14));
        AddReading(session, DoseAt.AddMinutes(80), new VitalSigns(null, null, 84, 98, null));

        var refusal = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now));

        Assert.Contains("BP 188/112", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reading_after_the_discharge_time_does_not_count_for_it()
    {
        var session = Checked();
        AddReading(session, DoseAt.AddMinutes(80), new VitalSigns(128, 82, 125, 97, 14));
        AddReading(session, DoseAt.AddMinutes(95));

        Assert.Contains("heart rate 125/min", Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now)).Message, StringComparison.Ordinal);
        session.Discharge(Discharge(DoseAt.AddMinutes(95)), Defaults, Now);
    }

    [Fact]
    public void Discharge_is_refused_without_a_blood_pressure_taken_since_the_dose()
    {
        var session = Dosed();
        AddReading(session, DoseAt.AddMinutes(-5));
        AddReading(session, DoseAt.AddMinutes(60), new VitalSigns(null, null, 80, 98, null));

        var refusal = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now));

        Assert.Equal("No blood pressure has been taken since the dose: check the vitals before the patient leaves.", refusal.Message);
        AddReading(session, DoseAt.AddMinutes(85));
        session.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now);
    }

    [Fact]
    public void Esketamine_discharge_needs_the_time_the_patient_was_ready_to_leave()
    {
        var session = Checked(DefaultProtocols.EsketamineId);

        var refusal = Assert.Throws<RuleViolationException>(() => session.Discharge(Discharge(DoseAt.AddMinutes(125)), Defaults, Now));

        Assert.Equal(("ReadyToLeaveAt", "Enter when the patient was ready to leave: the esketamine REMS form asks for it."), (refusal.Field, refusal.Message));
        session.Discharge(Discharge(DoseAt.AddMinutes(125)) with { ReadyToLeaveAt = DoseAt.AddMinutes(100) }, Defaults, Now);
        Assert.Equal(DoseAt.AddMinutes(100), session.ReadyToLeaveAt);
    }

    [Fact]
    public void Ketamine_discharge_does_not_need_ready_to_leave()
    {
        var session = Checked(DefaultProtocols.SublingualKapId);

        session.Discharge(Discharge(DoseAt.AddMinutes(125)), Defaults, Now);

        Assert.Null(session.ReadyToLeaveAt);
    }
}
