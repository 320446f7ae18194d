namespace KapClinic.Core.Screening;

/// <summary>A whole screening as the form posts it: one answer per contraindication in <see cref="ScreeningItems.All"/>.</summary>
public sealed class ScreeningInput
{
    /// <summary>
    /// The version the form was opened on (0 when there was none). Saving refuses when someone saved another
    /// version meanwhile; null skips the check (callers that are not a form, e.g. demo data).
    /// </summary>
    public int? BasedOnVersion { get; set; }

    public List<ScreeningAnswerInput> Answers { get; set; } = [];

    /// <summary>An empty form: every item listed, none answered.</summary>
    public static ScreeningInput Blank(int basedOnVersion = 0) => new()
    {
        BasedOnVersion = basedOnVersion,
        Answers = [.. ScreeningItems.All.Select(d => new ScreeningAnswerInput { Item = d.Item })],
    };

    /// <summary>A form filled with a saved version's answers, to change some of them.</summary>
    public static ScreeningInput From(int versionNumber, IEnumerable<ScreeningResponse> responses)
    {
        var byItem = responses.ToDictionary(r => r.Item);
        return new ScreeningInput
        {
            BasedOnVersion = versionNumber,
            Answers =
            [
                .. ScreeningItems.All.Select(d => new ScreeningAnswerInput
                {
                    Item = d.Item,
                    Answer = byItem.GetValueOrDefault(d.Item)?.Answer,
                    Note = byItem.GetValueOrDefault(d.Item)?.Note,
                }),
            ],
        };
    }

    /// <summary>The answers as the domain stores them, in the order of <see cref="ScreeningItems.All"/>. Call after validation.</summary>
    public IReadOnlyList<ScreeningResponse> ToResponses()
    {
        var byItem = Answers.ToDictionary(a => a.Item);
        return
        [
            .. ScreeningItems.All.Select(d => byItem[d.Item]).Select(a =>
                new ScreeningResponse(a.Item, a.Answer ?? throw new InvalidOperationException($"{a.Item} is not answered."), a.Note)),
        ];
    }
}
