using KapClinic.Core.Measures;

namespace KapClinic.Core.Reports.CourseSummary;

/// <summary>A PHQ-9 or GAD-7 total with its band, when it was taken.</summary>
public sealed record SummaryMeasure(Instrument Instrument, DateTimeOffset TakenAt, decimal Total, string? Band);
