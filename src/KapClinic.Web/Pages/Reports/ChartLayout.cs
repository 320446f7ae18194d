using System.Globalization;
using KapClinic.Core.Reports;

namespace KapClinic.Web.Pages.Reports;

/// <summary>
/// Where the bars of a grouped bar chart go (an SVG drawn on the server: no script, no inline style): one group per
/// category, one bar per series, a y axis from zero to a rounded maximum with five ticks. Null values draw no bar.
/// </summary>
public sealed class ChartLayout
{
    public const double Width = 720;
    public const double Height = 300;
    public const double Left = 56;
    public const double Right = 12;
    public const double Top = 16;
    public const double Bottom = 56;

    public ChartLayout(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Chart = chart;
        var max = chart.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        Maximum = NiceCeiling(Math.Max(max, 1));
    }

    public ReportChart Chart { get; }

    public double Maximum { get; }

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    public double GroupWidth => PlotWidth / Math.Max(Chart.Categories.Count, 1);

    public double BarWidth => GroupWidth * 0.8 / Math.Max(Chart.Series.Count, 1);

    public IEnumerable<double> Ticks => Enumerable.Range(0, 6).Select(i => Maximum * i / 5);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public double Y(double value) => Top + PlotHeight - (value / Maximum * PlotHeight);

    public double CategoryCentre(int category) => Left + (GroupWidth * category) + (GroupWidth / 2);

    public double BarX(int category, int series) => Left + (GroupWidth * category) + (GroupWidth * 0.1) + (BarWidth * series);

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
