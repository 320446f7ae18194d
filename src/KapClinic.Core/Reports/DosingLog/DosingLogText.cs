using System.Globalization;
using KapClinic.Core.Dosing;

namespace KapClinic.Core.Reports.DosingLog;

/// <summary>How the dosing log shows its compound cells: blood pressures, adverse events and overridden gates.</summary>
internal static class DosingLogText
{
    public static string? Pressure(int? systolic, int? diastolic) =>
        systolic is null && diastolic is null ? null : string.Create(CultureInfo.InvariantCulture, $"{systolic}/{diastolic}");

    /// <summary>"2 (Mild, Serious)", or "0".</summary>
    public static string AdverseEvents(DosingLogRow row) =>
        row.AdverseEvents == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{row.AdverseEvents} ({row.AdverseEventSeverities})");

    /// <summary>"1 (blood pressure hold)", or "0".</summary>
    public static string Overrides(DosingLogRow row) =>
        row.Overrides == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{row.Overrides} ({string.Join(", ", row.OverriddenGates.Select(Gate))})");

    /// <summary>"blood pressure hold: reason; ..." in the gates' order; null when the reasons were not read (Staff) or there are none.</summary>
    public static string? Reasons(IReadOnlyList<string> gates, IReadOnlyList<string>? reasons) =>
        reasons is null || reasons.Count == 0 ? null : string.Join("; ", reasons.Select((reason, i) => $"{(i < gates.Count ? Gate(gates[i]) : "override")}: {reason}"));

    public static string Gate(string stored) => Enum.TryParse<DosingGate>(stored, out var gate) ? Gate(gate) : stored;

    public static string Gate(DosingGate gate) => DosingGateLabels.For(gate);
}
