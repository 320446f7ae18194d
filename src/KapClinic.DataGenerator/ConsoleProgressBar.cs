using System.Globalization;

namespace KapClinic.DataGenerator;

/// <summary>One line per step on the console: a bar, rows, rows/s and the time left; finished steps stay on screen.</summary>
internal sealed class ConsoleProgressBar : IProgress<TableProgress>
{
    private const int Width = 28;
    private readonly Lock gate = new();
    private readonly bool interactive = !Console.IsOutputRedirected;

    public void Report(TableProgress value)
    {
        lock (gate)
        {
            var fraction = value.Expected > 0 ? Math.Min(1, value.Rows / (double)value.Expected) : 1;
            var filled = value.Done ? Width : (int)(fraction * Width);
            var eta = value.Eta is { } e ? $" ETA {e:mm\\:ss}" : string.Empty;
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{value.Step,-34} [{new string('#', filled)}{new string('.', Width - filled)}] {value.Rows,12:N0} rows {value.RowsPerSecond,10:N0}/s {value.Elapsed:mm\\:ss}{eta}");
            if (value.Done)
            {
                Console.WriteLine(interactive ? "\r" + line + "   " : line);
            }
            else if (interactive)
            {
                Console.Write("\r" + line + "   ");
            }
        }
    }

    public void Finish()
    {
        lock (gate)
        {
            Console.WriteLine();
        }
    }
}
