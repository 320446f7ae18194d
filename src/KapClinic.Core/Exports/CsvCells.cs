using System.Globalization;

namespace KapClinic.Core.Exports;

/// <summary>
/// Formats values for a CSV cell. Text is neutralised against formula injection (OWASP "CSV injection"): a cell that
/// starts with = + - @, a tab or a carriage return gets a leading single quote, so a spreadsheet shows it as text
/// instead of running it. Numbers and times are formatted by us and need no neutralising.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Free text (names, reasons, notes): neutralised; null becomes an empty cell.</summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    /// <summary>A number with the invariant culture ("-0.5", never "-0,5"): the only cells that may start with "-".</summary>
    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>ISO 8601 in the clinic's time zone with its offset, e.g. 2026-11-03T09:15:00-05:00.</summary>
    public static string Time(DateTimeOffset? utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return utc is { } instant
            ? TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : string.Empty;
    }
}
