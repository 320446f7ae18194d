namespace KapClinic.Core.Reports;

/// <summary>The reports' keys (in URLs and the audit trail), in catalogue order.</summary>
public static class ReportKeys
{
    public const string SessionActivity = "session-activity";
    public const string DosingLog = "dosing-log";
    public const string DosingVitals = "dosing-vitals";
    public const string Outcomes = "outcomes";
    public const string ControlledSubstanceLog = "controlled-substance-log";
    public const string Inventory = "inventory";
    public const string Discrepancies = "discrepancies";
    public const string Rems = "rems";
    public const string Utilization = "utilization";
    public const string CourseSummary = "course-summary";
    public const string AuditLog = "audit-log";

    public static IReadOnlyList<string> Ordered { get; } =
        [SessionActivity, DosingLog, DosingVitals, Outcomes, ControlledSubstanceLog, Inventory, Discrepancies, Rems, Utilization, CourseSummary, AuditLog];

    /// <summary>Where a key sorts in the catalogue (unknown keys last).</summary>
    public static int Order(string key)
    {
        var index = Ordered.ToList().IndexOf(key);
        return index < 0 ? int.MaxValue : index;
    }
}
