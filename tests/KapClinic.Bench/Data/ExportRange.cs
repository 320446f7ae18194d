namespace KapClinic.Bench.Data;

/// <summary>A date range of the dosing-vitals report (clinic days, both included) and the readings it holds.</summary>
public sealed record ExportRange(DateOnly From, DateOnly To, long Rows);
