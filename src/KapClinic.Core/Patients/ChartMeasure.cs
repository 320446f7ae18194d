using KapClinic.Core.Measures;

namespace KapClinic.Core.Patients;

/// <summary>The latest response of one instrument; <see cref="Alerts"/> holds alert names such as "SuicideRisk".</summary>
public sealed record ChartMeasure(Instrument Instrument, decimal Total, string? Band, IReadOnlyList<string> Alerts, DateTimeOffset TakenAt);
