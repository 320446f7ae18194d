using System.Globalization;
using KapClinic.Core.Measures;

namespace KapClinic.Web.Pages.Patients.Measures;

/// <summary>
/// Geometry for one server-rendered SVG trend chart: time on x, the instrument's total on y, its severity bands
/// as coloured stripes, the baseline as a dashed line. Pure arithmetic, so the view stays markup.
/// </summary>
public sealed class TrendChartLayout
{
    public const double Width = 640;
    public const double Height = 220;
    public const double Left = 44;
    public const double Right = 16;
    public const double Top = 12;
    public const double Bottom = 34;

    private readonly double minTicks;
    private readonly double spanTicks;

    public TrendChartLayout(MeasureTrend trend, TimeZoneInfo zone)
    {
        Trend = trend;
        Zone = zone;
        var first = trend.Points[0].TakenAt.UtcTicks;
        var last = trend.Points[^1].TakenAt.UtcTicks;
        minTicks = first;
        spanTicks = Math.Max(last - first, 1);
    }

    public MeasureTrend Trend { get; }

    public TimeZoneInfo Zone { get; }

    public InstrumentDefinition Definition => Trend.Definition;

    public double PlotWidth => Width - Left - Right;

    public double PlotHeight => Height - Top - Bottom;

    public string ViewBox => FormattableString.Invariant($"0 0 {Width} {Height}");

    public double X(DateTimeOffset at) => Trend.Points.Count == 1
        ? Left + (PlotWidth / 2)
        : Left + ((at.UtcTicks - minTicks) / spanTicks * PlotWidth);

    public double Y(decimal total)
    {
        var range = Math.Max(Definition.TotalMax - Definition.TotalMin, 1);
        var clamped = Math.Clamp((double)total, Definition.TotalMin, Definition.TotalMax);
        return Top + PlotHeight - ((clamped - Definition.TotalMin) / range * PlotHeight);
    }

    /// <summary>Band stripes: top y, height, CSS class by severity, label.</summary>
    public IEnumerable<(double Y, double Height, string CssClass, string Label)> Bands() =>
        Definition.Bands.Select(b =>
        {
            // A band covers its integer totals: from just below Min to just above Max.
            var top = Y(Math.Min(b.Max + 0.5m, Definition.TotalMax));
            var bottom = Y(Math.Max(b.Min - 0.5m, Definition.TotalMin));
            return (top, bottom - top, "band-" + b.Level.ToString().ToLowerInvariant(), b.Label);
        });

    public string PolylinePoints => string.Join(' ', Trend.Points.Select(p => Format(X(p.TakenAt)) + "," + Format(Y(p.Total))));

    public IEnumerable<int> YTicks()
    {
        var ticks = new SortedSet<int> { Definition.TotalMin, Definition.TotalMax };
        foreach (var band in Definition.Bands.Skip(1))
        {
            ticks.Add(band.Min);
        }

        return ticks;
    }

    public string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>What a screen reader says instead of the picture.</summary>
    public string Description
    {
        get
        {
            var latest = Trend.Latest;
            var text = $"{Definition.ShortName}: {Trend.Points.Count} result(s). Latest {Total(latest.Total)}{BandText(latest.Band)} on {Date(latest.TakenAt)}.";
            if (Trend.HasChange)
            {
                text += $" Baseline {Total(Trend.Baseline.Total)}{BandText(Trend.Baseline.Band)} on {Date(Trend.Baseline.TakenAt)}.";
                if (Trend.PercentChange is { } change)
                {
                    text += $" Change {change:+0;-0;0} %.";
                }

                text += Trend.IsResponse ? " Response." : string.Empty;
            }

            return text + (Trend.IsRemission ? " Remission." : string.Empty);
        }
    }

    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Total(decimal total) => total.ToString("0.#", CultureInfo.InvariantCulture);

    private static string BandText(string? band) => band is null ? string.Empty : $" ({band.ToLowerInvariant()})";
}
