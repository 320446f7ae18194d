using System.Globalization;
using KapClinic.Core.Dosing;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>A dose per kg of the weight of the day, in words, as the dose page shows it (the script shows the same live).</summary>
public static class DosePerKg
{
    /// <summary>"0.50 mg/kg at 70 kg" (or "0.50 mg/kg"), or null without a weight.</summary>
    public static string? Text(decimal doseMg, decimal? weightKg, bool withWeight = true) =>
        DosingGates.MgPerKg(doseMg, weightKg) is { } perKg
            ? string.Create(CultureInfo.InvariantCulture, $"{perKg:0.00} mg/kg{(withWeight ? $" at {weightKg:0.##} kg" : null)}")
            : null;
}
