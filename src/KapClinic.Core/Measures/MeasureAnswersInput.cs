namespace KapClinic.Core.Measures;

/// <summary>
/// A measure as a form posts it. Answers are nullable so that an unanswered item reaches the validator
/// as "missing" rather than silently becoming 0, which would under-score the patient.
/// </summary>
public sealed class MeasureAnswersInput
{
    public Instrument Instrument { get; set; }

    /// <summary>One entry per item, in item order; null where the item was left unanswered.</summary>
    public List<int?> Answers { get; set; } = [];
}
