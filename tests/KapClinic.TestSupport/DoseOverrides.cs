using KapClinic.Core.Dosing;

namespace KapClinic.TestSupport;

/// <summary>Override reasons for test set-ups that do not care which holds apply: the same reason for every gate.</summary>
public static class DoseOverrides
{
    public static Dictionary<DosingGate, string?> Every(string reason) =>
        Enum.GetValues<DosingGate>().ToDictionary(g => g, string? (_) => reason);
}
