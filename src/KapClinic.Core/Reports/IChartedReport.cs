namespace KapClinic.Core.Reports;

/// <summary>A report that also shows charts on its page (computed in SQL over all matching rows).</summary>
public interface IChartedReport : IReport
{
    Task<IReadOnlyList<ReportChart>> ChartsAsync(ReportContext context, CancellationToken cancellationToken);
}
