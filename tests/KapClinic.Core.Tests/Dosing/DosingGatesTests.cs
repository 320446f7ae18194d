using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

public sealed class DosingGatesTests
{
    [Fact]
    public void A_complete_checklist_on_a_ready_course_with_normal_vitals_and_a_dose_in_range_has_no_finding()
    {
        Assert.Empty(Gates(Prepared(), 50m));
    }

    [Fact]
    public void A_course_that_is_not_ready_holds_the_dose_and_gives_every_readiness_reason()
    {
        var readiness = Readiness.From(["1 of 2 planned preparation sessions are signed.", "There is no current KAP treatment consent."]);

        var finding = Assert.Single(Gates(Prepared(), readiness: readiness));

        Assert.Equal(DosingGate.NotReadyToDose, finding.Gate);
        Assert.True(finding.IsHold);
        Assert.Equal("The course is not ready to dose: 1 of 2 planned preparation sessions are signed. There is no current KAP treatment consent.", finding.Message);
    }

    [Theory]
    [InlineData("identity", "identity verified")]
    [InlineData("consent", "consent current")]
    [InlineData("fasting", "fasting confirmed")]
    [InlineData("rideName", "ride home (name and phone)")]
    [InlineData("ridePhone", "ride home (name and phone)")]
    [InlineData("medication", "no contraindicated medication today")]
    [InlineData("pregnancy", "pregnancy test (or not applicable)")]
    [InlineData("intention", "intention and mood")]
    [InlineData("mood", "intention and mood")]
    [InlineData("weight", "weight of the day")]
    [InlineData("respiratoryRate", "pre-dose vitals (BP, heart rate, SpO2, respiratory rate)")]
    [InlineData("bloodPressure", "pre-dose vitals (BP, heart rate, SpO2, respiratory rate)")]
    public void Each_missing_checklist_item_is_named_and_holds_the_dose(string item, string named)
    {
        var checklist = item switch
        {
            "identity" => Complete with { IdentityVerified = false },
            "consent" => Complete with { ConsentCurrent = false },
            "fasting" => Complete with { Fasting = false },
            "rideName" => Complete with { RideHomeName = " " },
            "ridePhone" => Complete with { RideHomePhone = null },
            "medication" => Complete with { NoContraindicatedMedicationToday = false },
            "pregnancy" => Complete with { PregnancyTest = null },
            "intention" => Complete with { Intention = null },
            "mood" => Complete with { MoodScore = null },
            "weight" => Complete with { WeightKg = null },
            "respiratoryRate" => Complete with { PreDoseVitals = NormalVitals with { RespiratoryRate = null } },
            _ => Complete with { PreDoseVitals = NormalVitals with { Systolic = null, Diastolic = null } },
        };

        var finding = Assert.Single(Gates(Prepared(checklist: checklist)));

        Assert.Equal(DosingGate.ChecklistIncomplete, finding.Gate);
        Assert.True(finding.IsHold);
        Assert.Equal($"The pre-dose checklist is incomplete: {named}.", finding.Message);
    }

    [Fact]
    public void A_missing_pre_dose_cssrs_is_named_and_a_new_session_lists_every_item()
    {
        var finding = Assert.Single(Gates(Prepared(cssrs: null)));
        Assert.Equal("The pre-dose checklist is incomplete: pre-dose C-SSRS screener.", finding.Message);

        var empty = Assert.Single(Gates(New()));
        Assert.Equal(
            "The pre-dose checklist is incomplete: identity verified, consent current, fasting confirmed, ride home (name and phone), "
            + "no contraindicated medication today, pregnancy test (or not applicable), intention and mood, pre-dose C-SSRS screener, "
            + "weight of the day, pre-dose vitals (BP, heart rate, SpO2, respiratory rate).",
            empty.Message);
    }

    [Fact]
    public void A_pregnancy_test_not_applicable_completes_the_item_and_a_positive_one_holds()
    {
        Assert.Empty(Gates(Prepared(checklist: Complete with { PregnancyTest = PregnancyTest.NotApplicable })));

        var finding = Assert.Single(Gates(Prepared(checklist: Complete with { PregnancyTest = PregnancyTest.Positive })));

        Assert.Equal(DosingGate.PregnancyTestPositive, finding.Gate);
        Assert.True(finding.IsHold);
        Assert.Contains("absolute contraindication", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RiskLevel.Low, false)]
    [InlineData(RiskLevel.Moderate, false)]
    [InlineData(RiskLevel.High, true)]
    public void Only_a_high_risk_pre_dose_cssrs_holds_the_dose(RiskLevel risk, bool holds)
    {
        var findings = Gates(Prepared(cssrs: risk));

        Assert.Equal(holds, findings.Any(f => f.Gate == DosingGate.SuicideRiskHigh && f.IsHold));
        Assert.Equal(holds ? 1 : 0, findings.Count);
    }

    [Theory]
    [InlineData(160, 80, DosingGate.BloodPressureHold)]
    [InlineData(130, 100, DosingGate.BloodPressureHold)]
    [InlineData(160, 100, DosingGate.BloodPressureHold)]
    [InlineData(159, 99, DosingGate.BloodPressureFlag)]
    [InlineData(140, 80, DosingGate.BloodPressureFlag)]
    [InlineData(130, 90, DosingGate.BloodPressureFlag)]
    [InlineData(140, 90, DosingGate.BloodPressureFlag)]
    public void Pre_dose_blood_pressure_holds_at_160_100_and_flags_from_140_90(int systolic, int diastolic, DosingGate gate)
    {
        var finding = Assert.Single(Gates(Prepared(checklist: WithVitals(systolic, diastolic))));

        Assert.Equal(gate, finding.Gate);
        Assert.Equal(gate == DosingGate.BloodPressureHold, finding.IsHold);
        Assert.Contains($"{systolic}/{diastolic}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blood_pressure_just_below_the_flag_gives_nothing_and_the_flag_message_says_to_watch()
    {
        Assert.Empty(Gates(Prepared(checklist: WithVitals(139, 89))));

        var flag = Assert.Single(Gates(Prepared(checklist: WithVitals(159, 99))));
        Assert.Equal("Pre-dose blood pressure 159/99 is at or above 140/90: watch it closely during monitoring.", flag.Message);
        var hold = Assert.Single(Gates(Prepared(checklist: WithVitals(160, 100))));
        Assert.Equal("Pre-dose blood pressure 160/100 is at or above the hold threshold 160/100: hold the dose, recheck after rest.", hold.Message);
    }

    [Theory]
    [InlineData(110, false)]
    [InlineData(111, true)]
    public void A_heart_rate_above_110_holds(int heartRate, bool holds)
    {
        var findings = Gates(Prepared(checklist: WithVitals(128, 82, heartRate: heartRate)));

        Assert.Equal(holds, findings.Any(f => f.Gate == DosingGate.HeartRateHold));
        Assert.Equal(holds ? 1 : 0, findings.Count);
        if (holds)
        {
            Assert.Equal("Pre-dose heart rate 111/min is above the hold limit of 110/min.", findings[0].Message);
        }
    }

    [Theory]
    [InlineData(94, false)]
    [InlineData(93, true)]
    public void An_spo2_below_94_holds(int spO2, bool holds)
    {
        var findings = Gates(Prepared(checklist: WithVitals(128, 82, spO2: spO2)));

        Assert.Equal(holds, findings.Any(f => f.Gate == DosingGate.SpO2Hold));
        Assert.Equal(holds ? 1 : 0, findings.Count);
        if (holds)
        {
            Assert.Equal("Pre-dose SpO2 93 % is below the hold limit of 94 %.", findings[0].Message);
        }
    }

    [Fact]
    public void Holds_come_before_the_warning()
    {
        var findings = Gates(Prepared(checklist: WithVitals(150, 85, heartRate: 115)));

        Assert.Equal([DosingGate.HeartRateHold, DosingGate.BloodPressureFlag], findings.Select(f => f.Gate));
    }

    [Fact]
    public void The_clinics_own_thresholds_move_the_gate()
    {
        var thresholds = DosingThresholds.Defaults with { FlagSystolic = 135, HoldSystolic = 150, HoldDiastolic = 95 };

        Assert.Equal(DosingGate.BloodPressureHold, Assert.Single(Gates(Prepared(checklist: WithVitals(150, 80)), thresholds: thresholds)).Gate);
        Assert.Equal(DosingGate.BloodPressureHold, Assert.Single(Gates(Prepared(checklist: WithVitals(130, 95)), thresholds: thresholds)).Gate);
        Assert.Equal(DosingGate.BloodPressureFlag, Assert.Single(Gates(Prepared(checklist: WithVitals(135, 80)), thresholds: thresholds)).Gate);
    }
}
