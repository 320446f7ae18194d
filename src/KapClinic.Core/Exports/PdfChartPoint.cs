namespace KapClinic.Core.Exports;

/// <summary>One point of a <see cref="PdfChartSeries"/>: when, and the value then.</summary>
public sealed record PdfChartPoint(DateTimeOffset At, double Value);
