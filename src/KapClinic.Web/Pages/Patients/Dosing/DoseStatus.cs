using System.Globalization;
using KapClinic.Core.Dosing;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>The status line after a dose: "Dose recorded: 35 mg (0.50 mg/kg)", the session total for a further dose, and any override.</summary>
public static class DoseStatus
{
    /// <summary>The line for <paramref name="doseMg"/> given in <paramref name="session"/> (as it was before this dose), over <paramref name="overriddenHolds"/> if any.</summary>
    public static string Text(DosingSession session, decimal doseMg, IReadOnlyList<GateFinding> overriddenHolds, string overriddenBy)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(overriddenHolds);
        var text = string.Create(CultureInfo.InvariantCulture, $"{(session.IsDosed ? "Further dose" : "Dose")} recorded: {doseMg:0.##} mg{PerKg(doseMg, session.WeightKg)}");
        if (session.IsDosed)
        {
            var total = session.TotalDoseMg + doseMg;
            text += string.Create(CultureInfo.InvariantCulture, $"; session total {total:0.##} mg{PerKg(total, session.WeightKg)}");
        }

        if (overriddenHolds.Count > 0)
        {
            text += $". Overridden by {overriddenBy}, reason recorded: {string.Join(", ", overriddenHolds.Select(h => DosingGateLabels.For(h.Gate)))}";
        }

        return text + ".";
    }

    private static string PerKg(decimal mg, decimal? weightKg) => DosePerKg.Text(mg, weightKg, withWeight: false) is { } text ? $" ({text})" : string.Empty;
}
