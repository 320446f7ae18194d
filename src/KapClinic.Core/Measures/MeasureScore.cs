namespace KapClinic.Core.Measures;

/// <summary>The result of scoring one completed instrument: what gets stored, charted and alerted on.</summary>
public sealed class MeasureScore
{
    public required Instrument Instrument { get; init; }

    /// <summary>The instrument's total: a sum for most scales, the item mean for EDI (see <see cref="MeasureScoring"/>).</summary>
    public required decimal Total { get; init; }

    /// <summary>The band's label ("Moderate", "High risk"); null when the instrument has no bands.</summary>
    public string? Band { get; init; }

    /// <summary>The band's level for colouring; null exactly when <see cref="Band"/> is null.</summary>
    public Severity? Severity { get; init; }

    public IReadOnlyList<MeasureAlert> Alerts { get; init; } = [];

    /// <summary>MEQ-30's four subscales; empty for every other instrument.</summary>
    public IReadOnlyList<SubscaleScore> Subscales { get; init; } = [];

    /// <summary>
    /// MEQ-30 only: every subscale at or above 60 % of its maximum (Barrett, Johnson and Griffiths 2015).
    /// Always false for other instruments.
    /// </summary>
    public bool IsCompleteMysticalExperience { get; init; }
}
