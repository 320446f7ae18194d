using System.Globalization;
using KapClinic.Core.Exports;

namespace KapClinic.Core.Reports;

/// <summary>The heading of an exported report: clinic name, title, the filters as words, and when it was made in the clinic's zone.</summary>
public static class ReportHeadings
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static ReportHeading For(ReportContext context, ReportDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(definition);
        var generated = TimeZoneInfo.ConvertTime(context.Now, context.Zone).ToString("yyyy-MM-dd HH:mm", English);
        return new ReportHeading(context.Clinic.ClinicName, definition.Title, context.FilterLines, $"{generated} ({context.Clinic.TimeZoneId})");
    }
}
