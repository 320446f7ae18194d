namespace KapClinic.Core.Measures;

/// <summary>
/// Treatment outcome rules for reports (CLINICAL.md): response is a drop of at least half from baseline;
/// remission is an absolute threshold that only some instruments define.
/// </summary>
public static class OutcomeRules
{
    /// <summary>PHQ-9 totals below this are remission.</summary>
    public const int Phq9RemissionBelow = 5;

    /// <summary>MADRS totals at or below this are remission.</summary>
    public const int MadrsRemissionAtOrBelow = 10;

    /// <summary>
    /// True when <paramref name="latest"/> is at most half of <paramref name="baseline"/> (a drop of 50 % or more).
    /// Meaningful only for symptom scales, where a lower score is better (PHQ-9, GAD-7, PCL-5, QIDS-SR16,
    /// MADRS). A baseline of 0 is never a response: there was nothing to improve on.
    /// </summary>
    public static bool IsResponse(decimal baseline, decimal latest)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseline);
        ArgumentOutOfRangeException.ThrowIfNegative(latest);
        // latest <= baseline / 2, kept in multiplication so no rounding can move the edge.
        return baseline > 0 && latest * 2 <= baseline;
    }

    /// <summary>Whether CLINICAL.md defines remission for the instrument (PHQ-9 and MADRS only).</summary>
    public static bool DefinesRemission(Instrument instrument) =>
        instrument is Instrument.Phq9 or Instrument.Madrs;

    /// <summary>
    /// PHQ-9 below 5, or MADRS 10 or less. Every other instrument returns false because no remission rule is
    /// defined for it; reports should check <see cref="DefinesRemission"/> and show "not defined", not "no".
    /// </summary>
    public static bool IsRemission(Instrument instrument, decimal score) => instrument switch
    {
        Instrument.Phq9 => score < Phq9RemissionBelow,
        Instrument.Madrs => score <= MadrsRemissionAtOrBelow,
        _ => false,
    };
}
