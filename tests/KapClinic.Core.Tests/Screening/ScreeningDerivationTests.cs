using KapClinic.Core.Patients;
using KapClinic.Core.Screening;

namespace KapClinic.Core.Tests.Screening;

public sealed class ScreeningDerivationTests
{
    private static readonly (string Name, MedicationClass Class)[] NoMedications = [];

    public static TheoryData<ScreeningItem> AbsoluteItems => [.. ScreeningItems.All.Where(d => d.IsAbsolute).Select(d => d.Item)];

    public static TheoryData<ScreeningItem> RelativeItems => [.. ScreeningItems.All.Where(d => !d.IsAbsolute).Select(d => d.Item)];

    public static TheoryData<MedicationClass> InteractingClasses => [.. Enum.GetValues<MedicationClass>().Where(c => c != MedicationClass.Other)];

    [Fact]
    public void All_no_and_no_medications_is_clear_with_no_reasons()
    {
        var (result, reasons) = ScreeningDerivation.Derive(AllNo(), NoMedications);

        Assert.Equal(ScreeningResult.Clear, result);
        Assert.Empty(reasons);
    }

    [Theory]
    [MemberData(nameof(AbsoluteItems))]
    public void A_yes_to_any_absolute_item_is_absolute(ScreeningItem item)
    {
        var (result, reasons) = ScreeningDerivation.Derive(AllNo(item, ScreeningAnswer.Yes), NoMedications);

        Assert.Equal(ScreeningResult.Absolute, result);
        var reason = Assert.Single(reasons);
        Assert.StartsWith(ScreeningItems.Get(item).Label + ": yes", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AbsoluteItems))]
    public void An_unknown_absolute_item_counts_as_absolute_until_clarified(ScreeningItem item)
    {
        var (result, reasons) = ScreeningDerivation.Derive(AllNo(item, ScreeningAnswer.Unknown), NoMedications);

        Assert.Equal(ScreeningResult.Absolute, result);
        Assert.Contains("absolute until clarified", Assert.Single(reasons), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RelativeItems))]
    public void A_yes_or_unknown_relative_item_is_relative(ScreeningItem item)
    {
        Assert.Equal(ScreeningResult.Relative, ScreeningDerivation.Derive(AllNo(item, ScreeningAnswer.Yes), NoMedications).Result);
        Assert.Equal(ScreeningResult.Relative, ScreeningDerivation.Derive(AllNo(item, ScreeningAnswer.Unknown), NoMedications).Result);
    }

    [Theory]
    [MemberData(nameof(InteractingClasses))]
    public void An_interacting_medication_makes_a_clear_screening_relative(MedicationClass medicationClass)
    {
        var (result, reasons) = ScreeningDerivation.Derive(AllNo(), [("Some medicine", medicationClass)]);

        Assert.Equal(ScreeningResult.Relative, result);
        Assert.StartsWith("Medication Some medicine", Assert.Single(reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void A_medication_of_class_other_changes_nothing()
    {
        var (result, reasons) = ScreeningDerivation.Derive(AllNo(), [("Vitamin D", MedicationClass.Other)]);

        Assert.Equal(ScreeningResult.Clear, result);
        Assert.Empty(reasons);
    }

    [Fact]
    public void Absolute_outranks_relative_and_every_reason_is_listed()
    {
        var responses = AllNo(ScreeningItem.Glaucoma, ScreeningAnswer.Yes)
            .Select(r => r.Item == ScreeningItem.UncontrolledHypertension ? new ScreeningResponse(r.Item, ScreeningAnswer.Yes, "180/110") : r);

        var (result, reasons) = ScreeningDerivation.Derive(responses, [("Lorazepam", MedicationClass.Benzodiazepine)]);

        Assert.Equal(ScreeningResult.Absolute, result);
        Assert.Equal(3, reasons.Count);
    }

    [Fact]
    public void A_missing_answer_is_treated_as_unknown()
    {
        var responses = AllNo().Where(r => r.Item != ScreeningItem.PregnancyOrBreastfeeding);

        Assert.Equal(ScreeningResult.Absolute, ScreeningDerivation.Derive(responses, NoMedications).Result);
    }

    private static List<ScreeningResponse> AllNo(ScreeningItem? except = null, ScreeningAnswer answer = ScreeningAnswer.No) =>
        [.. ScreeningItems.All.Select(d => new ScreeningResponse(d.Item, d.Item == except ? answer : ScreeningAnswer.No, d.Item == except ? "note" : null))];
}
