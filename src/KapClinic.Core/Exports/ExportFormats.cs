namespace KapClinic.Core.Exports;

/// <summary>The one place that maps an <see cref="ExportFormat"/> to its content type, file extension and URL name.</summary>
public static class ExportFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => CsvRowWriter.ContentType,
        ExportFormat.Pdf => PdfTableDocument.ContentType,
        ExportFormat.Xlsx => XlsxContentType,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    /// <summary>"csv", "pdf", "xlsx": the file extension without its dot, and the format's name in URLs.</summary>
    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Pdf => "pdf",
        ExportFormat.Xlsx => "xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    /// <summary>"report-name.xlsx".</summary>
    public static string FileName(string name, ExportFormat format) => $"{name}.{Extension(format)}";

    /// <summary>Reads a format from its URL name ("csv", "XLSX"); false for anything else (numbers included).</summary>
    public static bool TryParse(string? value, out ExportFormat format)
    {
        foreach (var candidate in Enum.GetValues<ExportFormat>())
        {
            if (string.Equals(Extension(candidate), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}
