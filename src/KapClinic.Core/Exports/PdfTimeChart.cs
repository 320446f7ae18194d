using System.Globalization;
using PdfSharp.Drawing;

namespace KapClinic.Core.Exports;

/// <summary>
/// Draws values over time as lines with points: a y axis from 0 to <paramref name="yMax"/> with gridlines, a time
/// axis from the first to the last point with dated ticks, and a legend. For <see cref="PdfTableDocument.AddDrawing"/>.
/// </summary>
public sealed class PdfTimeChart(IReadOnlyList<PdfChartSeries> series, double yMax, string yLabel, Func<DateTimeOffset, string> dateLabel)
{
    private const double AxisRoom = 34;
    private const double BottomRoom = 18;
    private const double LegendRoom = 16;
    private const int XTicks = 5;

    private XFont? font;

    /// <summary>Made on first use, after the document has installed the font resolver.</summary>
    private XFont Font => font ??= new XFont(SystemFontResolver.Regular, 7, XFontStyleEx.Regular);

    public void Draw(XGraphics gfx, XRect area)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        var plot = new XRect(area.X + AxisRoom, area.Y + LegendRoom, area.Width - AxisRoom - 10, area.Height - LegendRoom - BottomRoom);
        var points = series.SelectMany(s => s.Points).ToList();
        var first = points.Count == 0 ? DateTimeOffset.UnixEpoch : points.Min(p => p.At);
        var last = points.Count == 0 ? first : points.Max(p => p.At);
        var span = Math.Max((last - first).TotalSeconds, 1);
        double X(DateTimeOffset at) => points.Count < 2 || last == first ? plot.X + (plot.Width / 2) : plot.X + ((at - first).TotalSeconds / span * plot.Width);
        double Y(double value) => plot.Bottom - (Math.Clamp(value, 0, yMax) / yMax * plot.Height);

        DrawAxes(gfx, plot, Y);
        if (points.Count > 0)
        {
            var ticks = last == first ? 1 : XTicks;
            for (var i = 0; i < ticks; i++)
            {
                var at = ticks == 1 ? first : first + TimeSpan.FromSeconds(span * i / (ticks - 1));
                var label = dateLabel(at);
                var width = gfx.MeasureString(label, Font).Width;
                gfx.DrawLine(XPens.Gray, X(at), plot.Bottom, X(at), plot.Bottom + 3);
                gfx.DrawString(label, Font, XBrushes.Black, new XPoint(Math.Clamp(X(at) - (width / 2), area.X, area.Right - width), plot.Bottom + 4 + Font.GetHeight()));
            }
        }

        foreach (var line in series)
        {
            var pen = new XPen(line.Color, 1.2);
            var brush = new XSolidBrush(line.Color);
            for (var i = 1; i < line.Points.Count; i++)
            {
                gfx.DrawLine(pen, X(line.Points[i - 1].At), Y(line.Points[i - 1].Value), X(line.Points[i].At), Y(line.Points[i].Value));
            }

            foreach (var point in line.Points)
            {
                gfx.DrawEllipse(brush, X(point.At) - 2, Y(point.Value) - 2, 4, 4);
            }
        }

        DrawLegend(gfx, area);
    }

    private void DrawAxes(XGraphics gfx, XRect plot, Func<double, double> y)
    {
        var grid = new XPen(XColors.LightGray, 0.4);
        var step = yMax <= 30 ? 5 : 10;
        for (var value = 0; value <= yMax; value += step)
        {
            var label = value.ToString(CultureInfo.InvariantCulture);
            gfx.DrawLine(grid, plot.X, y(value), plot.Right, y(value));
            gfx.DrawString(label, Font, XBrushes.Black, new XPoint(plot.X - 4 - gfx.MeasureString(label, Font).Width, y(value) + 2.5));
        }

        gfx.DrawLine(XPens.Black, plot.X, plot.Y, plot.X, plot.Bottom);
        gfx.DrawLine(XPens.Black, plot.X, plot.Bottom, plot.Right, plot.Bottom);
        gfx.DrawString(yLabel, Font, XBrushes.Black, new XPoint(plot.X - AxisRoom + 2, plot.Y - 5));
    }

    private void DrawLegend(XGraphics gfx, XRect area)
    {
        var x = area.Right - 10;
        foreach (var line in series.Reverse())
        {
            var width = gfx.MeasureString(line.Name, Font).Width;
            x -= width;
            gfx.DrawString(line.Name, Font, XBrushes.Black, new XPoint(x, area.Y + 8));
            x -= 18;
            gfx.DrawLine(new XPen(line.Color, 1.5), x, area.Y + 5.5, x + 12, area.Y + 5.5);
            gfx.DrawEllipse(new XSolidBrush(line.Color), x + 4, area.Y + 3.5, 4, 4);
            x -= 14;
        }
    }
}
