using System.Globalization;
using KapClinic.Core.Courses;
using KapClinic.Core.Inventory;

namespace KapClinic.Web.Pages.Inventory;

/// <summary>How the inventory pages write quantities, entry kinds and lot states.</summary>
public static class InventoryText
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"12.5 mL", "1 lozenge", "3 devices".</summary>
    public static string Units(decimal quantity, string unitName) =>
        $"{Number(quantity)} {Plural(unitName, quantity)}";

    /// <summary>"+10 mL", "−2.5 mL" (a true minus sign), "0" for a count.</summary>
    public static string Change(decimal delta, string unitName) =>
        delta == 0 ? "—" : $"{(delta > 0 ? "+" : "−")}{Units(Math.Abs(delta), unitName)}";

    public static string Number(decimal value) => value.ToString("#,0.##", Us);

    public static string Mg(decimal mg) => $"{Number(mg)} mg";

    /// <summary>"0.8 vials", "3 lozenges".</summary>
    public static string Containers(decimal count, DosageForm form) => $"{count.ToString("#,0.#", Us)} {Plural(ContainerName(form), count)}";

    public static string ContainerName(DosageForm form) => form switch
    {
        DosageForm.Vial => "vial",
        DosageForm.Lozenge => "lozenge",
        DosageForm.NasalDevice => "device",
        _ => "tablet",
    };

    public static string Form(DosageForm form) => form switch
    {
        DosageForm.Vial => "Vial (counted in mL)",
        DosageForm.Lozenge => "Lozenge (counted in lozenges)",
        DosageForm.NasalDevice => "Nasal device (counted in devices)",
        _ => "Tablet (counted in tablets)",
    };

    public static string Drug(DrugKind drug) => drug == DrugKind.Esketamine ? "Esketamine" : "Ketamine";

    public static string Kind(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.ReturnedOrDestroyed => "Returned / destroyed",
        _ => kind.ToString(),
    };

    public static string KindBadge(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Received => "text-bg-success",
        LedgerEntryKind.Administered => "text-bg-primary",
        LedgerEntryKind.Wasted or LedgerEntryKind.ReturnedOrDestroyed => "text-bg-secondary",
        LedgerEntryKind.Count => "text-bg-info",
        _ => "text-bg-warning",
    };

    public static string Status(LotStatus status) => status switch
    {
        LotStatus.ExpiringSoon => "Expiring soon",
        LotStatus.Expired => "Expired",
        LotStatus.Empty => "Empty",
        LotStatus.Closed => "Closed",
        _ => "In stock",
    };

    public static string StatusBadge(LotStatus status) => status switch
    {
        LotStatus.ExpiringSoon => "text-bg-warning",
        LotStatus.Expired => "text-bg-danger",
        LotStatus.Empty or LotStatus.Closed => "text-bg-secondary",
        _ => "text-bg-success",
    };

    public static string Date(DateOnly day) => day.ToString("d MMM yyyy", Us);

    /// <summary>The DEA rule shown beside every loss found by a count (CLINICAL.md).</summary>
    public const string DeaLossReminder =
        "If this is theft or a significant loss, report it to the DEA within one business day of discovery and file DEA Form 106 within 45 days.";

    /// <summary>"mL", "lozenges", "devices": the unit as in "counted in ...".</summary>
    public static string UnitPlural(string unitName) => Plural(unitName, 2);

    private static string Plural(string unitName, decimal quantity) =>
        unitName == "mL" || quantity == 1 ? unitName : unitName + "s";
}
