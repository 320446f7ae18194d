namespace KapClinic.Core.Reports;

/// <summary>
/// Parameter values the clinical reports (session activity, dosing log, REMS, utilisation) pass to their SQL: the
/// period as UTC instants (open ends far away when a report runs without a range) and optional ids as SQL NULL.
/// </summary>
internal static class ClinicalReportSql
{
    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Start(ReportContext context) => context.FromUtc ?? Earliest;

    public static DateTimeOffset End(ReportContext context) => context.ToUtcExclusive ?? Latest;

    public static object Optional(Guid? id) => id is { } value ? value : DBNull.Value;

    public static object Optional(string? text) => text is null ? DBNull.Value : text;
}
