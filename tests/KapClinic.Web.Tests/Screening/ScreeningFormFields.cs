using System.Globalization;
using KapClinic.Core.Screening;

namespace KapClinic.Web.Tests.Screening;

/// <summary>Screening answers for tests: every item "No" unless overridden.</summary>
public static class ScreeningFormFields
{
    /// <summary>The fields the form posts. An override with answer "" leaves that item unanswered.</summary>
    public static List<KeyValuePair<string, string>> With(int basedOnVersion, params (ScreeningItem Item, string Answer, string? Note)[] overrides)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.BasedOnVersion", basedOnVersion.ToString(CultureInfo.InvariantCulture)) };
        for (var i = 0; i < ScreeningItems.All.Count; i++)
        {
            var item = ScreeningItems.All[i].Item;
            var change = overrides.Where(o => o.Item == item).Select(o => ((string Answer, string? Note)?)(o.Answer, o.Note)).FirstOrDefault();
            var answer = change?.Answer ?? nameof(ScreeningAnswer.No);
            fields.Add(new($"Input.Answers[{i}].Item", item.ToString()));
            if (answer.Length > 0)
            {
                fields.Add(new($"Input.Answers[{i}].Answer", answer));
            }

            fields.Add(new($"Input.Answers[{i}].Note", change?.Note ?? string.Empty));
        }

        return fields;
    }

    /// <summary>The same answers as the service takes them (no version check).</summary>
    public static ScreeningInput Input(params (ScreeningItem Item, ScreeningAnswer Answer, string? Note)[] overrides)
    {
        var input = ScreeningInput.Blank();
        input.BasedOnVersion = null;
        foreach (var answer in input.Answers)
        {
            var match = overrides.Where(o => o.Item == answer.Item).ToList();
            answer.Answer = match.Count > 0 ? match[0].Answer : ScreeningAnswer.No;
            answer.Note = match.Count > 0 ? match[0].Note : null;
        }

        return input;
    }
}
