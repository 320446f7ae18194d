namespace KapClinic.Core.Screening;

/// <summary>One contraindication as the form posts it. <see cref="Answer"/> is null until the clinician chooses.</summary>
public sealed class ScreeningAnswerInput
{
    public ScreeningItem Item { get; set; }

    public ScreeningAnswer? Answer { get; set; }

    public string? Note { get; set; }
}
