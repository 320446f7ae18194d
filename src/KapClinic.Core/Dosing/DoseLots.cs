using System.Globalization;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Inventory;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Dosing;

/// <summary>
/// Where a dose comes from. When the clinic keeps the drug in the dose's form in its inventory (an active product), the
/// dose is taken from a chosen lot: open, of that drug and form, in date on the clinic's today and holding enough; the
/// administration and its ledger entry are then saved together (<see cref="DosingSessionService.AdministerAsync"/>).
/// Otherwise the lot number is typed, as before the inventory.
/// </summary>
public sealed class DoseLots(KapClinicDbContext db)
{
    public const string ChooseLotMessage = "Choose the lot the dose is taken from.";

    /// <summary>"0.70 mL", "1 lozenge", "2 devices".</summary>
    public static string Quantity(decimal units, string unitName) =>
        unitName == "mL"
            ? $"{units.ToString("0.00", CultureInfo.InvariantCulture)} mL"
            : $"{units.ToString("0.##", CultureInfo.InvariantCulture)} {(units == 1 ? unitName : unitName + "s")}";

    /// <summary>The lots a dose of <paramref name="drug"/> by <paramref name="route"/> can come from today (two commands).</summary>
    public async Task<DoseLotChoice> ChoicesAsync(DrugKind drug, AdministrationRoute route, DateOnly today, CancellationToken cancellationToken = default)
    {
        var forms = DrugProduct.FormsFor(route);
        if (!await db.DrugProducts.AnyAsync(p => p.IsActive && p.Drug == drug && forms.Contains(p.Form), cancellationToken))
        {
            return DoseLotChoice.FreeText;
        }

        var lots = await db.Lots.AsNoTracking()
            .Where(l => !l.IsClosed && l.Balance > 0 && l.ExpiresOn >= today)
            .Join(db.DrugProducts.Where(p => p.Drug == drug && forms.Contains(p.Form)), l => l.ProductId, p => p.Id, (l, p) => new { l, p })
            .OrderBy(x => x.l.ExpiresOn).ThenBy(x => x.p.Name).ThenBy(x => x.l.LotNumber)
            .Select(x => new DoseLotOption(x.l.Id, x.p.Name, x.p.Strength, x.p.Form, x.p.MgPerUnit, x.l.LotNumber, x.l.ExpiresOn, x.l.Balance))
            .ToListAsync(cancellationToken);
        return new DoseLotChoice(true, lots);
    }

    /// <summary>
    /// The lot and the units a dose takes from it, or null when the drug is not kept in stock in the dose's form and
    /// no lot was chosen (the typed lot number stands). Refuses a lot that cannot be given from, on field LotId.
    /// </summary>
    internal async Task<(Lot Lot, decimal Units)?> TakeAsync(
        DrugKind drug, AdministrationRoute route, Guid? lotId, decimal doseMg, DateOnly today, CancellationToken cancellationToken)
    {
        var forms = DrugProduct.FormsFor(route);
        if (lotId is not { } id)
        {
            return await db.DrugProducts.AnyAsync(p => p.IsActive && p.Drug == drug && forms.Contains(p.Form), cancellationToken)
                ? throw new RuleViolationException(nameof(DoseInput.LotId), ChooseLotMessage)
                : null;
        }

        var found = await db.Lots.AsNoTracking().Where(l => l.Id == id)
            .Join(db.DrugProducts, l => l.ProductId, p => p.Id, (l, p) => new { Lot = l, p.Drug, p.Form, p.MgPerUnit })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Drug != drug)
        {
            throw Refused($"Choose a lot of {drug.ToString().ToLowerInvariant()} from the list.");
        }

        var lot = found.Lot;
        var unit = DrugProduct.UnitNameOf(found.Form);
        if (!forms.Contains(found.Form))
        {
            throw Refused($"Lot {lot.LotNumber} is {FormText(found.Form)}: it does not fit a {route.ToString().ToLowerInvariant()} dose. Choose another lot.");
        }

        if (lot.IsClosed)
        {
            throw Refused($"Lot {lot.LotNumber} is closed: choose another lot.");
        }

        if (lot.IsExpiredOn(today))
        {
            throw Refused($"Lot {lot.LotNumber} expired on {lot.ExpiresOn:yyyy-MM-dd}: choose another lot.");
        }

        if (lot.Balance <= 0)
        {
            throw Refused($"Lot {lot.LotNumber} is empty: choose another lot.");
        }

        var units = DrugProduct.UnitsOf(doseMg, found.MgPerUnit);
        if (units <= 0)
        {
            throw new RuleViolationException(nameof(DoseInput.DoseMg), $"This dose is less than 0.01 {unit} of lot {lot.LotNumber}: too small to measure.");
        }

        if (units > lot.Balance)
        {
            throw Refused($"This dose takes {Quantity(units, unit)} but lot {lot.LotNumber} holds only {Quantity(lot.Balance, unit)}: choose another lot.");
        }

        return (lot, units);
    }

    private static string FormText(DosageForm form) => form switch
    {
        DosageForm.Vial => "a vial",
        DosageForm.Lozenge => "a lozenge",
        DosageForm.NasalDevice => "a nasal device",
        _ => "a tablet",
    };

    private static RuleViolationException Refused(string message) => new(nameof(DoseInput.LotId), message);
}
