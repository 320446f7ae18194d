using PdfSharp.Drawing;

namespace KapClinic.Core.Exports;

/// <summary>A line of a <see cref="PdfTimeChart"/>: its name in the legend, its colour, its points in time order.</summary>
public sealed record PdfChartSeries(string Name, XColor Color, IReadOnlyList<PdfChartPoint> Points);
