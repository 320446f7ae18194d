using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

public sealed class MonitoringScheduleTests
{
    private static readonly DosingThresholds Defaults = DosingThresholds.Defaults;

    [Fact]
    public void During_an_iv_infusion_a_reading_is_due_every_10_minutes_from_the_dose()
    {
        var session = Dosed(DefaultProtocols.IvKetamineId);

        Assert.Equal(new NextReading(DoseAt.AddMinutes(10), 10, false), MonitoringSchedule.Next(session, [], Defaults, DoseAt.AddMinutes(5)));
        Assert.Equal(new NextReading(DoseAt.AddMinutes(20), 10, false), MonitoringSchedule.Next(session, [DoseAt.AddMinutes(10)], Defaults, DoseAt.AddMinutes(12)));
    }

    [Fact]
    public void After_the_infusion_ends_a_reading_is_due_every_15_minutes_or_the_clinics_setting()
    {
        var session = Dosed(DefaultProtocols.IvKetamineId);
        session.EndInfusion(session.Administrations[0].Id, DoseAt.AddMinutes(40), null, Now);
        DateTimeOffset[] readings = [DoseAt.AddMinutes(10), DoseAt.AddMinutes(20), DoseAt.AddMinutes(30), DoseAt.AddMinutes(40)];

        Assert.Equal(new NextReading(DoseAt.AddMinutes(55), 15, false), MonitoringSchedule.Next(session, readings, Defaults, DoseAt.AddMinutes(41)));
        Assert.Equal(
            new NextReading(DoseAt.AddMinutes(60), 20, false),
            MonitoringSchedule.Next(session, readings, Defaults with { PostInfusionIntervalMinutes = 20 }, DoseAt.AddMinutes(41)));
    }

    [Fact]
    public void A_reading_taken_while_the_infusion_still_ran_keeps_the_10_minute_interval()
    {
        var session = Dosed(DefaultProtocols.IvKetamineId);
        session.EndInfusion(session.Administrations[0].Id, DoseAt.AddMinutes(40), null, Now);

        var next = MonitoringSchedule.Next(session, [DoseAt.AddMinutes(30)], Defaults, DoseAt.AddMinutes(35));

        Assert.Equal(new NextReading(DoseAt.AddMinutes(40), 10, false), next);
        Assert.Equal(10, MonitoringSchedule.IntervalAt(session, DoseAt.AddMinutes(39), Defaults));
        Assert.Equal(15, MonitoringSchedule.IntervalAt(session, DoseAt.AddMinutes(40), Defaults));
    }

    [Theory]
    [InlineData("EsketamineId", 40)]
    [InlineData("SublingualKapId", 15)]
    [InlineData("ImKapId", 15)]
    public void Other_routes_follow_the_protocols_interval(string protocol, int interval)
    {
        var id = (Guid)typeof(DefaultProtocols).GetField(protocol)!.GetValue(null)!;
        var session = Dosed(id);

        Assert.Equal(new NextReading(DoseAt.AddMinutes(interval), interval, false), MonitoringSchedule.Next(session, [], Defaults, DoseAt));
        Assert.Equal(
            new NextReading(DoseAt.AddMinutes(interval * 2), interval, false),
            MonitoringSchedule.Next(session, [DoseAt.AddMinutes(interval)], Defaults, DoseAt.AddMinutes(interval)));
    }

    [Fact]
    public void A_reading_is_overdue_only_once_its_time_has_passed()
    {
        var session = Dosed(DefaultProtocols.SublingualKapId);

        Assert.False(MonitoringSchedule.Next(session, [], Defaults, DoseAt.AddMinutes(15))!.IsOverdue);
        var late = MonitoringSchedule.Next(session, [], Defaults, DoseAt.AddMinutes(15).AddSeconds(1))!;
        Assert.True(late.IsOverdue);
        Assert.Equal(DoseAt.AddMinutes(15), late.DueAt);
    }

    [Fact]
    public void Pre_dose_readings_do_not_count_towards_the_schedule()
    {
        var session = Dosed(DefaultProtocols.SublingualKapId);

        var next = MonitoringSchedule.Next(session, [Start.AddMinutes(5), Start.AddMinutes(12)], Defaults, DoseAt);

        Assert.Equal(DoseAt.AddMinutes(15), next!.DueAt);
    }

    [Fact]
    public void Only_a_reading_with_a_blood_pressure_resets_the_clock()
    {
        var session = Dosed(DefaultProtocols.IvKetamineId);
        AddReading(session, DoseAt.AddMinutes(10));
        AddReading(session, DoseAt.AddMinutes(15), new VitalSigns(null, null, 88, 97, null));
        Attach(session, VitalsReading.Record(
            Header(session), new VitalsReadingValues(DoseAt.AddMinutes(18), new VitalSigns(null, null, null, null, null), null, null, null, Nausea.Moderate, "Feels queasy."), Notes.TestNotes.Author.Id, Now));

        var next = MonitoringSchedule.NextFromReadings(session, session.Readings, Defaults, DoseAt.AddMinutes(21))!;

        Assert.Equal(new NextReading(DoseAt.AddMinutes(20), 10, true), next);
    }

    [Fact]
    public void Nothing_is_due_before_the_dose_after_discharge_or_once_signed()
    {
        var undosed = Prepared();
        var discharged = Checked();
        discharged.Discharge(Discharge(DoseAt.AddMinutes(90)), Defaults, Now);
        var withheld = Prepared();
        withheld.WithholdDose("Declined on the day.", Now);
        withheld.Sign(Notes.TestNotes.Author, Now);

        Assert.Null(MonitoringSchedule.Next(undosed, [], Defaults, Now));
        Assert.Null(MonitoringSchedule.Next(discharged, [DoseAt.AddMinutes(15)], Defaults, Now));
        Assert.Null(MonitoringSchedule.Next(withheld, [], Defaults, Now));
        Assert.Null(MonitoringSchedule.Next(Signed(), [], Defaults, Now));
    }
}
