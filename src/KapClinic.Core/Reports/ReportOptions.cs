namespace KapClinic.Core.Reports;

/// <summary>Report settings from configuration section "Reports".</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The longest date range a heavy report accepts, in years.</summary>
    public int MaxRangeYears { get; set; } = 5;

    /// <summary>How many rows the on-screen preview shows.</summary>
    public int PreviewRows { get; set; } = 50;
}
