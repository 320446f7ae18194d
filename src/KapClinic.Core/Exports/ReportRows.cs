namespace KapClinic.Core.Exports;

/// <summary>What an export adds around its data rows: rows before and after (balances) and closing lines (a signature).</summary>
public sealed record ReportRows(IReadOnlyList<ReportExtraRow> Leading, IReadOnlyList<ReportExtraRow> Trailing, IReadOnlyList<string> Closing)
{
    public static ReportRows None { get; } = new([], [], []);
}
