namespace KapClinic.Core.Measures;

/// <summary>
/// C-SSRS screener (Columbia). Seven yes/no answers: the six screener questions plus 6b, "was that
/// behaviour within the past 3 months?", which the form asks only after a yes to 6. Labels name what
/// each question screens for, in the clinic's words.
/// </summary>
internal static class CssrsDefinition
{
    public const int WishToBeDead = 0;
    public const int NonSpecificThoughts = 1;
    public const int IdeationWithMethod = 2;
    public const int IdeationWithIntent = 3;
    public const int IdeationWithPlanAndIntent = 4;
    public const int BehaviourEver = 5;
    public const int BehaviourWithinThreeMonths = 6;

    public static InstrumentDefinition Definition { get; } = new()
    {
        Instrument = Instrument.CssrsScreener,
        Name = "C-SSRS screener (suicide risk)",
        ShortName = "C-SSRS",
        ItemLabels =
        [
            "Wish to be dead",
            "Non-specific active suicidal thoughts",
            "Active suicidal ideation with any method (no plan), without intent to act",
            "Active suicidal ideation with some intent to act",
            "Active suicidal ideation with a specific plan and intent",
            "Suicidal behaviour (ever)",
            "Suicidal behaviour within the past 3 months",
        ],
        ItemNumbers = ["1", "2", "3", "4", "5", "6", "6b"],
        ItemMin = 0,
        ItemMax = 1,
        IsYesNo = true,
        TotalMin = 0,
        TotalMax = 6,
    };
}
