using KapClinic.Core.Courses;
using KapClinic.Core.Inventory;
using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Demo;

/// <summary>
/// The demo's stock lots while the dosing sessions are written: each dose is allotted the lot a nurse would take,
/// of the drug in the dose's form, received before that day, in date, soonest expiry first, holding enough. No
/// lots (a clinic that already had products): the plans' typed lot numbers stand.
/// </summary>
internal sealed class DemoStock(IReadOnlyList<DemoStockLot> lots, TimeZoneInfo zone)
{
    public static DemoStock None { get; } = new([], TimeZoneInfo.Utc);

    public IReadOnlyList<DemoStockLot> Lots { get; } = lots;

    public DemoStockLot? Take(DrugKind drug, AdministrationRoute route, DateTimeOffset at, decimal mg)
    {
        var day = ClinicTimes.DateOf(at, zone);
        var forms = DrugProduct.FormsFor(route);
        var lot = Lots
            .Where(l => l.Drug == drug && forms.Contains(l.Form) && l.Lot.ReceivedOn < day && l.Lot.ExpiresOn >= day && l.Remaining >= DrugProduct.UnitsOf(mg, l.MgPerUnit))
            .OrderBy(l => l.Lot.ExpiresOn)
            .FirstOrDefault();
        if (lot is not null)
        {
            lot.Remaining -= DrugProduct.UnitsOf(mg, lot.MgPerUnit);
        }

        return lot;
    }
}
