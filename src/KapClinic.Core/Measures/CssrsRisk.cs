namespace KapClinic.Core.Measures;

/// <summary>The C-SSRS screener's triage levels, lowest first.</summary>
internal enum CssrsRisk
{
    Low,
    Moderate,
    High,
}
