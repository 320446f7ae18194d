using KapClinic.Core.Exports;
using KapClinic.Core.Reports;

namespace KapClinic.Web.Pages.Reports;

/// <summary>Words for the catalogue: the filters a report offers and its formats.</summary>
public static class ReportText
{
    private static readonly (ReportFilters Flag, string Words)[] FilterWords =
    [
        (ReportFilters.DateRange, "date range"), (ReportFilters.Clinician, "clinician"), (ReportFilters.Protocol, "protocol"),
        (ReportFilters.PatientStatus, "patient status"), (ReportFilters.Patient, "patient"), (ReportFilters.Product, "product"),
        (ReportFilters.AuditSearch, "user and action"),
    ];

    public static string Filters(ReportFilters filters)
    {
        var words = FilterWords.Where(f => filters.HasFlag(f.Flag)).Select(f => f.Words).ToList();
        return words.Count == 0 ? "none" : string.Join(", ", words);
    }

    public static string Format(ExportFormat format) => ExportFormats.Extension(format).ToUpperInvariant();

    public static string Formats(IReadOnlyList<ExportFormat> formats) => string.Join(", ", formats.Select(Format));
}
