namespace KapClinic.Core.Measures;

/// <summary>
/// A named range of totals, inclusive at both ends, as printed in the clinical tables (e.g. PHQ-9 10-14 "Moderate").
/// </summary>
public sealed record SeverityBand(int Min, int Max, string Label, Severity Level)
{
    public bool Contains(decimal total) => total >= Min && total <= Max;
}
