using System.Globalization;
using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;
using KapClinic.Web.Pages.Inventory;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>How the dose page names a stock lot and what a dose takes from it (dose-form.js writes the same live).</summary>
public static class DoseLotText
{
    /// <summary>
    /// "Lot KH2417-03 · expires 31 Jan 2027 · 42.3 mL left · Ketamine HCl injection 500 mg/10 mL (50 mg/mL)": what
    /// tells lots apart first, as a narrow select cuts the end off.
    /// </summary>
    public static string Option(DoseLotOption lot) =>
        $"Lot {lot.LotNumber} · expires {InventoryText.Date(lot.ExpiresOn)} · {InventoryText.Units(lot.Balance, lot.UnitName)} left · {lot.ProductName} {lot.Strength}";

    /// <summary>"50 mg/mL" for a vial, "100 mg" a lozenge, "28 mg" a device.</summary>
    public static string Strength(DoseLotOption lot) =>
        lot.Form == DosageForm.Vial ? $"{Number(lot.MgPerUnit)} mg/mL" : $"{Number(lot.MgPerUnit)} mg";

    /// <summary>"Takes 0.70 mL of 50 mg/mL from this lot", or null without a dose.</summary>
    public static string? Take(DoseLotOption? lot, decimal? doseMg) =>
        lot is not null && doseMg is > 0 and var mg
            ? $"Takes {DoseLots.Quantity(lot.UnitsFor(mg), lot.UnitName)} of {Strength(lot)} from this lot."
            : null;

    public static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
