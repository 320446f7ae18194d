using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Dosing.Rems;

namespace KapClinic.Core.Tests.Dosing;

/// <summary>The REMS Patient Monitoring Form filled from a session's log, without a database.</summary>
public sealed class RemsDerivationTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Tuesday 10 November 2026, 09:00 in New York.
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstDevice = Start.AddMinutes(20);

    [Fact]
    public void Every_field_is_filled_from_a_whole_session()
    {
        var session = DosedSession(devices: 2, checklist: c => c with { TakesBenzodiazepine = true, TakesMaoi = true });
        var readings = new[]
        {
            Reading(session, 5, 150, 92, moaas: 4, spO2: 97, cadss: 6),
            Reading(session, 33, 146, 90, moaas: 5, spO2: 95),
            Reading(session, 44, 142, 88, spO2: 96, cadss: 0),
            Reading(session, 90, 132, 84, spO2: 98),
            Reading(session, 125, 126, 80, moaas: 5, spO2: 98),
        };
        foreach (var reading in readings)
        {
            TestDosingSessions.Attach(session, reading);
        }

        session.Discharge(Discharge(FirstDevice.AddMinutes(131), FirstDevice.AddMinutes(95)), DosingThresholds.Defaults, FirstDevice.AddMinutes(140));

        var form = RemsDerivation.Derive(session, readings, [], Facts(first: true));

        Assert.Equal("Ada Example", form.PatientName);
        Assert.True(form.IsFirstTreatment);
        Assert.True(form.TakesBenzodiazepine);
        Assert.False(form.TakesNonBenzodiazepineSedative);
        Assert.False(form.TakesPsychostimulant);
        Assert.True(form.TakesMaoi);
        Assert.Equal("Riverside KAP", form.SettingName);
        Assert.Equal(new DateOnly(2026, 11, 10), form.SessionDate);
        Assert.Equal(new DateOnly(2026, 11, 17), form.DueOn);
        Assert.Equal(RemsDoseChoice.Mg56, form.DoseChoice);
        Assert.Equal(2, form.DeviceCount);
        Assert.Equal(["LOT-A1"], form.Lots);
        Assert.Equal(131, form.TotalMonitoringMinutes);
        Assert.Equal(95, form.ReadyToLeaveMinutes);
        Assert.True(form.VitalsAcceptableBeforeDosing);
        Assert.True(form.VitalsAcceptableAtEnd);
        Assert.Equal("128/82", form.BloodPressureBeforeDosing!.Text);
        Assert.Equal(("142/88", 44), (form.BloodPressureAbout40Minutes!.Text, form.BloodPressureAbout40Minutes.MinutesAfterFirstDevice));
        Assert.Equal(("126/80", 125), (form.BloodPressureBeforeDischarge!.Text, form.BloodPressureBeforeDischarge.MinutesAfterFirstDevice));
        Assert.Equal((true, 4), (form.Sedation, form.LowestMoaas));
        Assert.Equal((true, 6), (form.Dissociation, form.HighestCadss6));
        Assert.False(form.RespiratoryDepression);
        Assert.Equal(95, form.LowestSpO2);
        Assert.Empty(form.SeriousAdverseEvents);
    }

    [Theory]
    [InlineData(new[] { 24, 61 }, null)]
    [InlineData(new[] { 25, 61 }, 25)]
    [InlineData(new[] { 30, 52 }, 30)]
    [InlineData(new[] { 36, 44 }, 36)]
    [InlineData(new[] { 38, 41 }, 41)]
    [InlineData(new[] { 60, 20 }, 60)]
    public void The_40_minute_blood_pressure_is_the_reading_closest_to_40_minutes_within_25_to_60(int[] minutes, int? chosen)
    {
        var session = DosedSession();
        var readings = minutes.Select(m => Reading(session, m, 130 + m, 80)).ToList();

        var form = RemsDerivation.Derive(session, readings, [], Facts());

        Assert.Equal(chosen, form.BloodPressureAbout40Minutes?.MinutesAfterFirstDevice);
    }

    [Fact]
    public void A_reading_without_blood_pressure_is_not_taken_for_the_40_minute_one_and_before_discharge_comes_after_it()
    {
        var session = DosedSession();
        var readings = new[] { Reading(session, 40, null, null, moaas: 5), Reading(session, 47, 138, 86) };

        var form = RemsDerivation.Derive(session, readings, [], Facts());

        Assert.Equal(47, form.BloodPressureAbout40Minutes!.MinutesAfterFirstDevice);
        Assert.Null(form.BloodPressureBeforeDischarge);
        Assert.Equal((false, 5), (form.Sedation, form.LowestMoaas));
    }

    [Fact]
    public void Respiratory_depression_follows_an_adverse_event_or_an_spo2_below_the_alert_limit_and_serious_events_are_listed()
    {
        var session = DosedSession(devices: 3);
        var lowSpO2 = RemsDerivation.Derive(session, [Reading(session, 30, 130, 80, spO2: 91)], [], Facts());
        var atLimit = RemsDerivation.Derive(session, [Reading(session, 30, 130, 80, spO2: 92)], [], Facts());
        var serious = Event(session, AdverseEventType.RespiratoryDepression, AdverseEventSeverity.Serious, 50);
        var withEvent = RemsDerivation.Derive(session, [], [serious, Event(session, AdverseEventType.NauseaVomiting, AdverseEventSeverity.Mild, 60)], Facts());

        Assert.True(lowSpO2.RespiratoryDepression);
        Assert.Equal(91, lowSpO2.LowestSpO2);
        Assert.False(atLimit.RespiratoryDepression);
        Assert.True(withEvent.RespiratoryDepression);
        Assert.Null(withEvent.LowestSpO2);
        Assert.Equal(["Respiratory depression"], withEvent.SeriousAdverseEvents.Select(e => e.What));
        Assert.Equal(RemsDoseChoice.Mg84, withEvent.DoseChoice);
    }

    [Fact]
    public void Pre_dose_vitals_at_the_hold_threshold_are_not_acceptable_and_an_alert_at_the_end_is_not_either()
    {
        var held = DosedSession(checklist: c => c with { PreDoseVitals = new VitalSigns(160, 90, 80, 98, 14) });
        var form = RemsDerivation.Derive(held, [Reading(held, 40, 150, 90), Reading(held, 110, 185, 100)], [], Facts());

        Assert.False(form.VitalsAcceptableBeforeDosing);
        Assert.False(form.VitalsAcceptableAtEnd);
        Assert.Null(RemsDerivation.AcceptableBeforeDosing(new VitalSigns(null, null, 80, 98, 14), DosingThresholds.Defaults));
        Assert.True(RemsDerivation.AcceptableBeforeDosing(new VitalSigns(159, 99, 110, 94, 14), DosingThresholds.Defaults));
        Assert.False(RemsDerivation.AcceptableBeforeDosing(new VitalSigns(130, 80, 111, 98, 14), DosingThresholds.Defaults));
        Assert.False(RemsDerivation.AcceptableBeforeDosing(new VitalSigns(130, 80, 80, 93, 14), DosingThresholds.Defaults));
    }

    [Theory]
    [InlineData(165, 95, 80, 98, false)]
    [InlineData(150, 100, 80, 98, false)]
    [InlineData(130, 80, 115, 98, false)]
    [InlineData(130, 80, 80, 93, false)]
    [InlineData(159, 99, 110, 94, true)]
    public void Vitals_at_the_end_are_acceptable_by_the_pre_dose_hold_limits_not_the_monitoring_alert(int systolic, int diastolic, int heartRate, int spO2, bool acceptable)
    {
        var session = DosedSession();
        var end = VitalsReading.Record(
            new SessionHeader(session.Id, session.PatientId, session.StartedAt, null, false),
            new VitalsReadingValues(session.FirstDoseAt!.Value.AddMinutes(110), new VitalSigns(systolic, diastolic, heartRate, spO2, 14), null, null, null, null, null),
            Guid.NewGuid(),
            session.FirstDoseAt!.Value.AddMinutes(110));

        var form = RemsDerivation.Derive(session, [Reading(session, 40, 130, 80), end], [], Facts());

        Assert.Equal(acceptable, form.VitalsAcceptableAtEnd);
    }

    [Fact]
    public void Vitals_at_the_end_come_from_the_last_reading_with_a_blood_pressure_and_read_not_recorded_without_one()
    {
        var session = DosedSession();
        var withoutPressure = RemsDerivation.Derive(session, [Reading(session, 40, null, null, spO2: 98)], [], Facts());
        var laterRowWithoutPressure = RemsDerivation.Derive(session, [Reading(session, 40, 170, 90), Reading(session, 110, null, null, moaas: 5, spO2: 99)], [], Facts());

        Assert.Null(withoutPressure.VitalsAcceptableAtEnd);
        Assert.False(laterRowWithoutPressure.VitalsAcceptableAtEnd);
    }

    [Fact]
    public void A_session_still_monitoring_has_no_total_yet_and_nothing_assessed_reads_as_not_recorded()
    {
        var session = DosedSession(devices: 1);

        var form = RemsDerivation.Derive(session, [], [], Facts(first: false));

        Assert.False(form.IsFirstTreatment);
        Assert.Null(form.TotalMonitoringMinutes);
        Assert.Null(form.Sedation);
        Assert.Null(form.Dissociation);
        Assert.Null(form.VitalsAcceptableAtEnd);
        Assert.Equal(RemsDoseChoice.Other, form.DoseChoice);
        Assert.Equal(28m, form.DoseMg);
    }

    [Fact]
    public void The_due_date_is_seven_calendar_days_after_the_session_day_in_the_clinic_zone()
    {
        // 23:30 in New York on 10 November is already 11 November in UTC: the clinic's day counts.
        var late = DosedSession(start: new DateTimeOffset(2026, 11, 11, 4, 30, 0, TimeSpan.Zero));
        var form = RemsDerivation.Derive(late, [], [], Facts());

        Assert.Equal(new DateOnly(2026, 11, 10), form.SessionDate);
        Assert.Equal(new DateOnly(2026, 11, 17), form.DueOn);
        Assert.Equal((RemsStatus.Due, 0), (form.Status(new DateOnly(2026, 11, 17)), form.DaysLeft(new DateOnly(2026, 11, 17))));
        Assert.Equal((RemsStatus.Overdue, -1), (form.Status(new DateOnly(2026, 11, 18)), form.DaysLeft(new DateOnly(2026, 11, 18))));
        Assert.Equal("Overdue by 1 day", RemsText.StatusText(RemsStatus.Overdue, -1));
        Assert.Equal("Due in 3 days", RemsText.StatusText(RemsStatus.Due, 3));
        Assert.Equal(RemsStatus.Submitted, (form with { Submission = new(new DateOnly(2026, 11, 20), "C-1", "Nurse", Start) }).Status(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void A_ketamine_session_or_one_without_a_dose_has_no_rems_form()
    {
        var ketamine = new DosingSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Protocol(DefaultProtocols.SublingualKapId, DefaultProtocols.All[2].Definition), null, Start, Start);
        var undosed = new DosingSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Esketamine(), null, Start, Start);

        Assert.Throws<NotFoundException>(() => RemsDerivation.Derive(ketamine, [], [], Facts()));
        Assert.Throws<NotFoundException>(() => RemsDerivation.Derive(undosed, [], [], Facts()));
    }

    private static Protocol Esketamine() => new(DefaultProtocols.EsketamineId, DefaultProtocols.All.Single(p => p.Id == DefaultProtocols.EsketamineId).Definition);

    private static DosingSession DosedSession(int devices = 2, Func<PreDoseChecklist, PreDoseChecklist>? checklist = null, DateTimeOffset? start = null)
    {
        var at = start ?? Start;
        var session = new DosingSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Esketamine(), null, at, at);
        var items = new PreDoseChecklist
        {
            IdentityVerified = true,
            ConsentCurrent = true,
            Fasting = true,
            RideHomeName = "Sam",
            RideHomePhone = "555 0100",
            NoContraindicatedMedicationToday = true,
            PregnancyTest = PregnancyTest.NotApplicable,
            Intention = "Rest",
            MoodScore = 5,
            WeightKg = 70,
            PreDoseVitals = new VitalSigns(128, 82, 76, 98, 14),
            PreDoseVitalsAt = at.AddMinutes(5),
        };
        session.RecordChecklist(checklist?.Invoke(items) ?? items, at.AddMinutes(10));
        var first = at.AddMinutes(20);
        session.Administer(
            new DoseDetails(DrugKind.Esketamine, AdministrationRoute.Intranasal, devices * 28m, null, null, first, null, null, devices, "LOT-A1", Guid.NewGuid(), Guid.NewGuid()),
            TestDosingSessions.Ready, DosingThresholds.Defaults, TestDosingSessions.Override, first);
        return session;
    }

    private static DischargeAssessment Discharge(DateTimeOffset at, DateTimeOffset? ready) => new(true, true, true, true, true, true, at, "Sam (partner)", ready);

    private static VitalsReading Reading(DosingSession session, int minutes, int? systolic, int? diastolic, int? moaas = null, int? spO2 = null, int? cadss = null)
    {
        var at = session.FirstDoseAt!.Value.AddMinutes(minutes);
        return VitalsReading.Record(
            new SessionHeader(session.Id, session.PatientId, session.StartedAt, null, false),
            new VitalsReadingValues(at, new VitalSigns(systolic, diastolic, 80, spO2, 14), moaas, null, cadss, null, null),
            Guid.NewGuid(),
            at);
    }

    private static AdverseEvent Event(DosingSession session, AdverseEventType type, AdverseEventSeverity severity, int minutes)
    {
        var at = session.FirstDoseAt!.Value.AddMinutes(minutes);
        return AdverseEvent.Record(
            new SessionHeader(session.Id, session.PatientId, session.StartedAt, null, false),
            new AdverseEventValues(type, null, severity, at, "Oxygen, jaw thrust", null),
            Guid.NewGuid(),
            at);
    }

    private static RemsFacts Facts(bool first = true) =>
        new("Ada Example", new DateOnly(1984, 6, 15), "KAP-000123", first, "Nina Nurse, RN", "Riverside KAP", NewYork, DosingThresholds.Defaults, null);
}
