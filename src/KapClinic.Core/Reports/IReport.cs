using KapClinic.Core.Exports;

namespace KapClinic.Core.Reports;

/// <summary>
/// One report of the catalogue. Implementations are registered as scoped <see cref="IReport"/> services and run only
/// through <see cref="ReportService"/>, which checks the requester's role, validates the filter and audits. Most
/// reports derive from <see cref="TableReport{TRow}"/>.
/// </summary>
public interface IReport
{
    ReportDefinition Definition { get; }

    Task<ReportPreview> PreviewAsync(ReportContext context, int rows, CancellationToken cancellationToken);

    /// <summary>Writes the whole report to <paramref name="output"/>, streaming; returns the number of data rows written.</summary>
    Task<int> WriteAsync(ReportContext context, ExportFormat format, Stream output, RowCounter counter, CancellationToken cancellationToken);
}
