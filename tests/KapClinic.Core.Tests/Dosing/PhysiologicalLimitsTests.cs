using KapClinic.Core.Common;
using KapClinic.Core.Dosing;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

public sealed class PhysiologicalLimitsTests
{
    [Theory]
    [InlineData("systolic", 50, 260, "Systolic blood pressure must be 50-260 mmHg.")]
    [InlineData("diastolic", 30, 160, "Diastolic blood pressure must be 30-160 mmHg.")]
    [InlineData("heartRate", 20, 250, "Heart rate must be 20-250 /min.")]
    [InlineData("spO2", 50, 100, "SpO2 must be 50-100 %.")]
    [InlineData("respiratoryRate", 4, 60, "Respiratory rate must be 4-60 /min.")]
    public void Each_vital_is_accepted_at_its_limits_and_refused_one_past_them(string vital, int min, int max, string message)
    {
        Assert.Null(PhysiologicalLimits.Check(With(vital, min)));
        Assert.Null(PhysiologicalLimits.Check(With(vital, max)));
        Assert.Equal(message, PhysiologicalLimits.Check(With(vital, min - 1)));
        Assert.Equal(message, PhysiologicalLimits.Check(With(vital, max + 1)));
    }

    [Fact]
    public void Blood_pressure_needs_both_numbers_and_systolic_above_diastolic()
    {
        Assert.Equal("Enter both systolic and diastolic blood pressure, or neither.", PhysiologicalLimits.Check(new VitalSigns(120, null, null, null, null)));
        Assert.Equal("Enter both systolic and diastolic blood pressure, or neither.", PhysiologicalLimits.Check(new VitalSigns(null, 80, null, null, null)));
        Assert.Equal("Systolic blood pressure must be above diastolic.", PhysiologicalLimits.Check(new VitalSigns(90, 90, null, null, null)));
        Assert.Null(PhysiologicalLimits.Check(new VitalSigns(null, null, null, null, null)));
    }

    [Theory]
    [InlineData("30", true)]
    [InlineData("300", true)]
    [InlineData("29.9", false)]
    [InlineData("300.1", false)]
    public void The_checklist_takes_a_weight_of_30_to_300_kg(string kg, bool accepted)
    {
        var session = New();
        var checklist = Complete with { WeightKg = decimal.Parse(kg, System.Globalization.CultureInfo.InvariantCulture) };

        if (accepted)
        {
            session.RecordChecklist(checklist, Now);
            Assert.Equal(checklist.WeightKg, session.WeightKg);
        }
        else
        {
            var refusal = Assert.Throws<RuleViolationException>(() => session.RecordChecklist(checklist, Now));
            Assert.Equal(("WeightKg", "Weight must be 30-300 kg."), (refusal.Field, refusal.Message));
        }
    }

    [Fact]
    public void The_checklist_refuses_impossible_vitals_mood_and_a_vitals_time_out_of_the_session()
    {
        var session = New();

        Assert.Equal("SpO2 must be 50-100 %.", Assert.Throws<RuleViolationException>(() => session.RecordChecklist(WithVitals(120, 80, spO2: 101), Now)).Message);
        Assert.Equal("MoodScore", Assert.Throws<RuleViolationException>(() => session.RecordChecklist(Complete with { MoodScore = 11 }, Now)).Field);
        Assert.Equal("PreDoseVitalsAt", Assert.Throws<RuleViolationException>(() => session.RecordChecklist(Complete with { PreDoseVitalsAt = Start.AddHours(-2).AddMinutes(-1) }, Now)).Field);
        Assert.Equal("PreDoseVitalsAt", Assert.Throws<RuleViolationException>(() => session.RecordChecklist(Complete with { PreDoseVitalsAt = Now.AddMinutes(3) }, Now)).Field);
        session.RecordChecklist(Complete with { PreDoseVitalsAt = Start.AddHours(-2) }, Now);
        Assert.Equal(Start.AddHours(-2), session.PreDoseVitalsAt);
    }

    [Fact]
    public void A_reading_is_refused_outside_the_limits_and_outside_the_sessions_time()
    {
        var session = Dosed();
        var header = Header(session);
        VitalsReading Read(DateTimeOffset at, VitalSigns vitals, int? moaas = null, int? cadss6 = null) =>
            VitalsReading.Record(header, new VitalsReadingValues(at, vitals, moaas, null, cadss6, null, null), Notes.TestNotes.Author.Id, Now);
        var empty = new VitalSigns(null, null, null, null, null);

        Assert.Equal("Heart rate must be 20-250 /min.", Assert.Throws<RuleViolationException>(() => Read(Now, new VitalSigns(null, null, 19, null, null))).Message);
        Assert.Equal("Moaas", Assert.Throws<RuleViolationException>(() => Read(Now, empty, moaas: 6)).Field);
        Assert.Equal("Cadss6", Assert.Throws<RuleViolationException>(() => Read(Now, empty, cadss6: 25)).Field);
        Assert.Equal("Enter at least one value for the reading.", Assert.Throws<RuleViolationException>(() => Read(Now, empty)).Message);
        Assert.Equal("A reading cannot be before the session started.", Assert.Throws<RuleViolationException>(() => Read(Start.AddMinutes(-1), NormalVitals)).Message);
        Assert.Equal("A reading cannot be in the future.", Assert.Throws<RuleViolationException>(() => Read(Now.AddMinutes(3), NormalVitals)).Message);
        Assert.Equal(0, Read(Now, empty, moaas: 0).Moaas);

        AddReading(session, DoseAt.AddMinutes(60));
        session.Discharge(Discharge(DoseAt.AddMinutes(90)), DosingThresholds.Defaults, Now);
        Assert.Equal("A reading cannot be after the patient was discharged.", Assert.Throws<RuleViolationException>(() => VitalsReading.Record(Header(session), new VitalsReadingValues(DoseAt.AddMinutes(91), NormalVitals, null, null, null, null, null), Guid.NewGuid(), Now)).Message);
    }

    private static VitalSigns With(string vital, int value) => vital switch
    {
        "systolic" => new VitalSigns(value, 40, null, null, null),
        "diastolic" => new VitalSigns(200, value, null, null, null),
        "heartRate" => new VitalSigns(null, null, value, null, null),
        "spO2" => new VitalSigns(null, null, null, value, null),
        _ => new VitalSigns(null, null, null, null, value),
    };
}
