using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;
using static KapClinic.Core.Tests.Dosing.ValidationAssert;

namespace KapClinic.Core.Tests.Dosing;

public sealed class ChecklistAndReadingValidatorTests
{
    private static readonly ChecklistInputValidator Checklist = new();
    private static readonly ReadingInputValidator Reading = new();

    [Fact]
    public void An_empty_checklist_is_valid_because_it_saves_partly_filled()
    {
        Assert.True(Checklist.Validate(new ChecklistInput()).IsValid);
    }

    [Theory]
    [InlineData(261, 80, 70, 98, 14, "Systolic", "Systolic blood pressure must be 50-260 mmHg.")]
    [InlineData(120, 29, 70, 98, 14, "Diastolic", "Diastolic blood pressure must be 30-160 mmHg.")]
    [InlineData(120, 80, 251, 98, 14, "HeartRate", "Heart rate must be 20-250 /min.")]
    [InlineData(120, 80, 70, 49, 14, "SpO2", "SpO2 must be 50-100 %.")]
    [InlineData(120, 80, 70, 98, 61, "RespiratoryRate", "Respiratory rate must be 4-60 /min.")]
    [InlineData(80, 80, 70, 98, 14, "Systolic", "Systolic blood pressure must be above diastolic.")]
    public void Checklist_vitals_outside_the_limits_are_named_beside_their_field(int sys, int dia, int hr, int spo2, int rr, string field, string message)
    {
        var input = new ChecklistInput { Systolic = sys, Diastolic = dia, HeartRate = hr, SpO2 = spo2, RespiratoryRate = rr };

        OnlyError(Checklist.Validate(input), field, message);
    }

    [Fact]
    public void Checklist_blood_pressure_needs_both_numbers()
    {
        OnlyError(Checklist.Validate(new ChecklistInput { Systolic = 120 }), "Diastolic", "Enter both systolic and diastolic blood pressure, or neither.");
    }

    [Fact]
    public void Checklist_weight_mood_pregnancy_ride_and_intention_are_checked()
    {
        OnlyError(Checklist.Validate(new ChecklistInput { WeightKg = 29.9m }), "WeightKg", "Weight must be 30-300 kg.");
        OnlyError(Checklist.Validate(new ChecklistInput { WeightKg = 300.5m }), "WeightKg", "Weight must be 30-300 kg.");
        OnlyError(Checklist.Validate(new ChecklistInput { MoodScore = 11 }), "MoodScore", "Mood must be 0-10.");
        OnlyError(Checklist.Validate(new ChecklistInput { MoodScore = -1 }), "MoodScore", "Mood must be 0-10.");
        OnlyError(Checklist.Validate(new ChecklistInput { PregnancyTest = (PregnancyTest)7 }), "PregnancyTest", "Choose the pregnancy test result, or not applicable.");
        OnlyError(Checklist.Validate(new ChecklistInput { RideHomeName = new string('n', 201) }), "RideHomeName", "The name can be at most 200 characters.");
        OnlyError(Checklist.Validate(new ChecklistInput { RideHomePhone = new string('5', 41) }), "RideHomePhone", "The phone number can be at most 40 characters.");
        OnlyError(Checklist.Validate(new ChecklistInput { RideHomePhone = "call Sam" }), "RideHomePhone", "Enter a phone number with digits, spaces and + ( ) - . only.");
        OnlyError(Checklist.Validate(new ChecklistInput { Intention = new string('i', NoteLimits.TextMaxLength + 1) }), "Intention", NoteLimits.TooLong("The intention", NoteLimits.TextMaxLength + 1));
        Assert.True(Checklist.Validate(new ChecklistInput { RideHomePhone = "+1 (555) 010-0300", WeightKg = 30m, MoodScore = 0 }).IsValid);
    }

    [Fact]
    public void A_reading_needs_a_time_and_at_least_one_value()
    {
        var result = Reading.Validate(new ReadingInput());

        HasError(result, "TakenAt", "Enter the time of the reading.");
        HasError(result, "Systolic", "Enter at least one value for the reading.");
        Assert.Equal(2, result.Errors.Count);
        Assert.True(Reading.Validate(new ReadingInput { TakenAt = DateTime.Now, Comment = "Asleep, breathing easily." }).IsValid);
        Assert.True(Reading.Validate(new ReadingInput { TakenAt = DateTime.Now, Nausea = Nausea.None }).IsValid);
    }

    [Theory]
    [InlineData("Moaas", 6, "MOAA/S must be 0-5.")]
    [InlineData("Moaas", -1, "MOAA/S must be 0-5.")]
    [InlineData("Cadss6", 25, "CADSS-6 must be 0-24.")]
    [InlineData("SpO2", 101, "SpO2 must be 50-100 %.")]
    [InlineData("HeartRate", 19, "Heart rate must be 20-250 /min.")]
    [InlineData("RespiratoryRate", 3, "Respiratory rate must be 4-60 /min.")]
    public void A_reading_value_outside_its_range_is_named(string field, int value, string message)
    {
        var input = new ReadingInput { TakenAt = DateTime.Now };
        typeof(ReadingInput).GetProperty(field)!.SetValue(input, value);

        OnlyError(Reading.Validate(input), field, message);
    }

    [Fact]
    public void A_reading_refuses_unknown_choices_half_a_blood_pressure_and_a_long_comment()
    {
        var at = DateTime.Now;

        OnlyError(Reading.Validate(new ReadingInput { TakenAt = at, Dissociation = (Dissociation)5 }), "Dissociation", "Choose present or absent.");
        OnlyError(Reading.Validate(new ReadingInput { TakenAt = at, Nausea = (Nausea)9 }), "Nausea", "Choose none, mild, moderate or severe.");
        OnlyError(Reading.Validate(new ReadingInput { TakenAt = at, Diastolic = 80 }), "Diastolic", "Enter both systolic and diastolic blood pressure, or neither.");
        OnlyError(Reading.Validate(new ReadingInput { TakenAt = at, Comment = new string('c', 501) }), "Comment", "The comment can be at most 500 characters.");
        Assert.True(Reading.Validate(new ReadingInput { TakenAt = at, Systolic = 180, Diastolic = 110, Moaas = 0, Cadss6 = 24 }).IsValid);
    }
}
