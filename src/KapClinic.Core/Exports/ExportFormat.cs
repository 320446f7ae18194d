namespace KapClinic.Core.Exports;

public enum ExportFormat
{
    Csv,
    Pdf,
    Xlsx,
}
