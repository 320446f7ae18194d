using KapClinic.Core.Reports;

namespace KapClinic.Web.Pages.Reports;

/// <summary>One select of the filter form: its query name, label, the "any" option's words, the options and the chosen value.</summary>
public sealed record ReportSelect(string Name, string Label, string AnyLabel, IReadOnlyList<ReportChoice> Options, string? Selected);
