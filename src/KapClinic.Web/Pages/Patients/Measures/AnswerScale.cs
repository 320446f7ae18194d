using KapClinic.Core.Measures;

namespace KapClinic.Web.Pages.Patients.Measures;

/// <summary>How a form offers an item's answers: labelled choices for short scales, a number box for 0-100.</summary>
public static class AnswerScale
{
    private static readonly string[] Frequency = ["Not at all", "Several days", "More than half the days", "Nearly every day"];
    private static readonly string[] Pcl5 = ["Not at all", "A little bit", "Moderately", "Quite a bit", "Extremely"];

    public static bool UsesNumberBox(InstrumentDefinition definition) => definition.ItemMax - definition.ItemMin > 10;

    public static IReadOnlyList<(int Value, string Label)> Choices(InstrumentDefinition definition)
    {
        if (definition.IsYesNo)
        {
            return [(0, "No"), (1, "Yes")];
        }

        var labels = definition.Instrument switch
        {
            Instrument.Phq9 or Instrument.Gad7 => Frequency,
            Instrument.Pcl5 => Pcl5,
            _ => null,
        };
        return Enumerable.Range(definition.ItemMin, definition.ItemMax - definition.ItemMin + 1)
            .Select(v => (v, labels is null ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{v} · {labels[v]}"))
            .ToList();
    }
}
