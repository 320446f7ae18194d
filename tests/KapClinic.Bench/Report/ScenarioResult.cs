namespace KapClinic.Bench.Report;

/// <summary>One line of the results table. <paramref name="Ratio"/> is ours against the floor (null where there is no floor).</summary>
public sealed record ScenarioResult(string Scenario, string Ours, string Floor, double? Ratio, string Target, bool Passed, string? Note = null);
