using System.Globalization;
using System.Text;

namespace KapClinic.Bench.Report;

/// <summary>The whole report: when, the machine, the load settings, the table, notes and the search plans.</summary>
public static class BenchReport
{
    public static string Markdown(
        DateTime startedUtc, TimeSpan took, MachineInfo machine, string settings, IReadOnlyList<ScenarioResult> results, IEnumerable<string> notes, string plans)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(results);
        var passed = results.Count(r => r.Passed);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# KapClinic bench, {startedUtc:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{passed} of {results.Count} scenarios met their targets; the run took {took.TotalMinutes:0.0} minutes.")
            .AppendLine()
            .AppendLine("## Machine")
            .AppendLine()
            .Append(machine.Markdown())
            .AppendLine()
            .AppendLine("## Results")
            .AppendLine()
            .AppendLine(settings)
            .AppendLine()
            .Append(ResultTable.Markdown(results))
            .AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine("- " + note);
        }

        return text.AppendLine().AppendLine("## Query plans").AppendLine().Append(plans).ToString();
    }
}
