using System.Globalization;

namespace KapClinic.Core.Inventory.Records;

/// <summary>How the records show times and quantities on screen and in the PDF (the CSV uses ISO 8601 through <see cref="Exports.CsvCells"/>).</summary>
public static class RecordsFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Time(DateTimeOffset utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(utc, zone).ToString("yyyy-MM-dd HH:mm", English);

    public static string Time(DateTimeOffset? utc, TimeZoneInfo zone) => utc is { } t ? Time(t, zone) : string.Empty;

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", English);

    public static string Units(decimal units) => units.ToString("0.00", English);

    public static string Units(decimal? units) => units is { } u ? Units(u) : string.Empty;

    public static string Variance(decimal units) => units.ToString("+0.00;-0.00;0.00", English);

    /// <summary>When a receipt arrived (its date) or a dose was given (its time); blank for other entries.</summary>
    public static string EventTime(DispensingLogEntry entry, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ReceivedOn is { } received ? Date(received) : Time(entry.AdministeredAt, zone);
    }

    /// <summary>"In" and "Out" columns: the absolute change on the side it went, blank for a count.</summary>
    public static string In(decimal delta) => delta > 0 ? Units(delta) : string.Empty;

    public static string Out(decimal delta) => delta < 0 ? Units(-delta) : string.Empty;
}
