namespace KapClinic.Core.Measures;

/// <summary>
/// Turns item answers into totals, bands and alerts, exactly as CLINICAL.md ("Rating scales") prescribes.
/// Pure and deterministic so that a stored score can always be recomputed from its stored answers.
/// </summary>
public static class MeasureScoring
{
    /// <summary>
    /// PCL-5 total at or above which the app raises <see cref="MeasureAlert.ProbablePtsd"/>. The National
    /// Center for PTSD gives 31-33 as the range of cutoffs; the clinic uses the top of it.
    /// </summary>
    public const int Pcl5ProbablePtsdCutoff = 33;

    /// <summary>
    /// Scores one completed instrument. Totals: the item sum for every scale except QIDS-SR16 (sum of its nine
    /// domain scores) and EDI (item mean); MEQ-30's total is the item sum (0-150), with the subscale
    /// percentages alongside because those are what MEQ-30 results are read by.
    /// </summary>
    /// <param name="instrument">Which scale the answers belong to.</param>
    /// <param name="answers">One answer per item, in item order (C-SSRS: 0 = no, 1 = yes; its 7th answer is 6b).</param>
    /// <exception cref="ArgumentException">Wrong number of answers, an answer out of range, or a C-SSRS 6b
    /// "yes" without a "yes" to 6. Input should already have passed <see cref="MeasureAnswersValidator"/>.</exception>
    public static MeasureScore Score(Instrument instrument, IReadOnlyList<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var definition = Instruments.Get(instrument);
        Guard(definition, answers);

        return instrument switch
        {
            Instrument.Phq9 => Banded(definition, answers.Sum(), SuicideAlertIf(answers[Phq9Definition.SuicidalThoughtsIndex] > 0)),
            Instrument.QidsSr16 => Banded(definition, QidsSr16Scoring.Total(answers), SuicideAlertIf(answers[QidsSr16Definition.SuicidalThoughtsIndex] > 0)),
            Instrument.Gad7 or Instrument.Madrs => Banded(definition, answers.Sum(), []),
            Instrument.Pcl5 => Unbanded(definition, answers.Sum(), answers.Sum() >= Pcl5ProbablePtsdCutoff ? [MeasureAlert.ProbablePtsd] : []),
            Instrument.CssrsScreener => CssrsScoring.Score(answers),
            Instrument.Cadss6 => Unbanded(definition, answers.Sum(), []),
            Instrument.Meq30 => Meq30Scoring.Score(answers),
            Instrument.Edi => Unbanded(definition, answers.Sum() / (decimal)answers.Count, []),
            _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, "Unknown rating scale."),
        };
    }

    private static void Guard(InstrumentDefinition definition, IReadOnlyList<int> answers)
    {
        if (answers.Count != definition.ItemCount)
        {
            throw new ArgumentException(
                $"{definition.ShortName} has {definition.ItemCount} items; {answers.Count} answers were given.", nameof(answers));
        }

        for (var i = 0; i < answers.Count; i++)
        {
            if (!definition.IsAllowedAnswer(answers[i]))
            {
                throw new ArgumentException(
                    $"{definition.ShortName} item {definition.ItemNumber(i)}: {answers[i]} is outside {definition.ItemMin}-{definition.ItemMax}.",
                    nameof(answers));
            }
        }

        if (definition.Instrument == Instrument.CssrsScreener && !CssrsScoring.IsConsistent(answers))
        {
            throw new ArgumentException(CssrsScoring.InconsistentTimingMessage, nameof(answers));
        }
    }

    private static IReadOnlyList<MeasureAlert> SuicideAlertIf(bool raised) => raised ? [MeasureAlert.SuicideRisk] : [];

    private static MeasureScore Banded(InstrumentDefinition definition, int total, IReadOnlyList<MeasureAlert> alerts)
    {
        var band = definition.BandFor(total)
            ?? throw new InvalidOperationException($"{definition.ShortName} has no band for a total of {total}.");
        return new MeasureScore
        {
            Instrument = definition.Instrument,
            Total = total,
            Band = band.Label,
            Severity = band.Level,
            Alerts = alerts,
        };
    }

    private static MeasureScore Unbanded(InstrumentDefinition definition, decimal total, IReadOnlyList<MeasureAlert> alerts) => new()
    {
        Instrument = definition.Instrument,
        Total = total,
        Alerts = alerts,
    };
}
