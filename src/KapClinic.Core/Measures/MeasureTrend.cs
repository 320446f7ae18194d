namespace KapClinic.Core.Measures;

/// <summary>
/// One instrument's history for a patient, ready to chart: points in time order, the baseline (first) and latest
/// totals, and the outcome rules applied to them (response = at least 50 % drop from baseline; remission per
/// <see cref="OutcomeRules"/>).
/// </summary>
public sealed record MeasureTrend(InstrumentDefinition Definition, IReadOnlyList<MeasurePoint> Points)
{
    public MeasurePoint Baseline => Points[0];

    /// <summary>Each instrument's trend from points given in time order, instruments in their declared order.</summary>
    public static IReadOnlyList<MeasureTrend> FromPoints(IEnumerable<(Instrument Instrument, MeasurePoint Point)> pointsInTimeOrder) =>
        [.. pointsInTimeOrder
            .GroupBy(p => p.Instrument)
            .OrderBy(g => g.Key)
            .Select(g => new MeasureTrend(Instruments.Get(g.Key), [.. g.Select(p => p.Point)]))];

    public MeasurePoint Latest => Points[^1];

    public bool HasChange => Points.Count > 1;

    public bool IsResponse => HasChange && OutcomeRules.IsResponse(Baseline.Total, Latest.Total);

    public bool DefinesRemission => OutcomeRules.DefinesRemission(Definition.Instrument);

    public bool IsRemission => DefinesRemission && OutcomeRules.IsRemission(Definition.Instrument, Latest.Total);

    /// <summary>Change from baseline to latest as a share of baseline (negative = improvement); null without a baseline above 0.</summary>
    public decimal? PercentChange => HasChange && Baseline.Total > 0
        ? decimal.Round((Latest.Total - Baseline.Total) / Baseline.Total * 100m, 0)
        : null;
}

/// <summary>A scored measure on the time axis.</summary>
public sealed record MeasurePoint(Guid Id, DateTimeOffset TakenAt, decimal Total, string? Band);
