namespace KapClinic.Core.Reports.Outcomes;

/// <summary>
/// One instrument's outcome over a course: baseline and latest totals, the change (latest minus baseline), the
/// change as a percentage of baseline (one decimal; negative = better) and response (a drop of 50 % or more). Null
/// values are blanks: no baseline, or no follow-up after it (then the course is not counted in the rates).
/// </summary>
public sealed record InstrumentOutcome(decimal? Baseline, decimal? Latest, decimal? Change, decimal? PercentChange, bool? Response)
{
    public bool HasFollowUp => Latest is not null;
}
