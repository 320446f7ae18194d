using System.Globalization;
using KapClinic.DataGenerator.Planning;
using NpgsqlTypes;

namespace KapClinic.DataGenerator.Writing;

/// <summary>
/// Lots and the controlled-substance ledger, in time order: each product has one open lot; a lot is received just before
/// it is needed; every dose is an Administered entry; a lot too low for the next dose (or near expiry) has its rest
/// destroyed with a witness and is closed. Every balance_after is the running balance, never negative, and each lot's
/// balance is its last entry's.
/// </summary>
internal static class InventoryWriter
{
    private static readonly decimal[] LotSizes = [250m, 200m, 60m]; // mL (25 vials of 10 mL), lozenges, devices
    private static readonly string[] Prefixes = ["SKV", "SKL", "SES"];

    /// <summary>Assigns every completed dose a lot (SessionPlan.Lot), creating lots as they are needed.</summary>
    public static void AssignLots(GenerationContext context)
    {
        var plan = context.Plan;
        var open = new int[] { -1, -1, -1 };
        for (var i = 0; i < plan.Sessions.Length; i++)
        {
            ref var s = ref plan.Sessions[i];
            if (s is not { Kind: SessionKind.Dosing, Status: VisitStatus.Completed })
            {
                continue;
            }

            var dose = DoseFacts.For(plan, s, i);
            var lot = open[dose.Product] >= 0 ? context.Lots[open[dose.Product]] : null;
            if (lot is null || lot.Balance < dose.Units || lot.ExpiresOn <= DateOnly.FromDateTime(s.Start).AddDays(30))
            {
                lot = new LotPlan
                {
                    Id = Ids.At(s.Start.AddDays(-3), context.Random),
                    Product = dose.Product,
                    Number = string.Create(CultureInfo.InvariantCulture, $"{Prefixes[dose.Product]}-{s.Start:yy}-{context.Lots.Count + 1:000000}"),
                    ReceivedAt = s.Start.Date.AddDays(-3).AddHours(14),
                    Quantity = LotSizes[dose.Product],
                    ReceivedBy = plan.Courses[s.Course].Prescriber,
                };
                lot.Balance = lot.Quantity;
                open[dose.Product] = context.Lots.Count;
                context.Lots.Add(lot);
            }

            lot.Balance -= dose.Units;
            s.Lot = open[dose.Product];
        }
    }

    public static async Task WriteLotsAsync(GenerationContext context)
    {
        var latest = context.Lots.Count == 0 ? new HashSet<int>() : Enumerable.Range(0, 3).Select(p => context.Lots.FindLastIndex(l => l.Product == p)).ToHashSet();
        await using var table = await BulkTable.OpenAsync(
            context,
            "inventory_lots",
            "id, product_id, lot_number, expires_on, supplier_name, supplier_address, supplier_dea_number, invoice_number, received_on, quantity_received, received_by, created_at, balance, is_closed",
            context.Lots.Count);
        for (var i = 0; i < context.Lots.Count; i++)
        {
            var lot = context.Lots[i];
            lot.Closed = !latest.Contains(i);
            table.Row();
            table.Uuid(lot.Id);
            table.Uuid(context.Products[lot.Product]);
            table.Text(lot.Number);
            table.Date(lot.ExpiresOn);
            table.Text("Cardinal Health");
            table.Text("7000 Cardinal Pl, Dublin, OH 43017");
            table.Text("RC0183462");
            table.Text(string.Create(CultureInfo.InvariantCulture, $"CAH-{i + 100000}"));
            table.Date(DateOnly.FromDateTime(lot.ReceivedAt));
            table.Write(lot.Quantity, NpgsqlDbType.Numeric);
            table.Uuid(context.Staff.Clinicians[lot.ReceivedBy]);
            table.Time(lot.ReceivedAt);
            table.Write(lot.Closed ? 0m : lot.Balance, NpgsqlDbType.Numeric);
            table.Bool(lot.Closed);
        }
    }

    public static async Task WriteLedgerAsync(GenerationContext context, Guid[] administrationIds)
    {
        var plan = context.Plan;
        var balances = new decimal[context.Lots.Count];
        var received = new bool[context.Lots.Count];
        var current = new[] { -1, -1, -1 };
        await using var table = await BulkTable.OpenAsync(
            context,
            "inventory_ledger",
            "id, lot_id, product_id, kind, delta, balance_after, recorded_by, recorded_at, witness_id, patient_id, dosing_session_id, administration_id, reason, reference",
            plan.DosingCount + (context.Lots.Count * 2));
        for (var i = 0; i < plan.Sessions.Length; i++)
        {
            var s = plan.Sessions[i];
            if (s.Lot < 0)
            {
                continue;
            }

            var lot = context.Lots[s.Lot];
            if (!received[s.Lot])
            {
                if (current[lot.Product] >= 0 && balances[current[lot.Product]] > 0)
                {
                    var old = current[lot.Product];
                    Entry(table, context, old, "ReturnedOrDestroyed", -balances[old], 0m, s.Start.AddMinutes(11), lot.ReceivedBy, null, null);
                    balances[old] = 0;
                }

                received[s.Lot] = true;
                current[lot.Product] = s.Lot;
                balances[s.Lot] = lot.Quantity;
                Entry(table, context, s.Lot, "Received", lot.Quantity, lot.Quantity, lot.ReceivedAt, lot.ReceivedBy, null, null);
            }

            var dose = DoseFacts.For(plan, s, i);
            balances[s.Lot] -= dose.Units;
            var at = s.Start.AddMinutes(11);
            Entry(table, context, s.Lot, "Administered", -dose.Units, balances[s.Lot], at, s.Clinician, plan.Patients[plan.Courses[s.Course].Patient].Id, (s.Id, administrationIds[i]));
        }

        for (var l = 0; l < context.Lots.Count; l++)
        {
            if (context.Lots[l].Closed && balances[l] > 0)
            {
                Entry(table, context, l, "ReturnedOrDestroyed", -balances[l], 0m, plan.Now.AddDays(-1), context.Lots[l].ReceivedBy, null, null);
            }
        }
    }

    private static void Entry(BulkTable table, GenerationContext context, int lot, string kind, decimal delta, decimal balance, DateTime at, int by, Guid? patient, (Guid Session, Guid Administration)? dose)
    {
        var staff = context.Staff;
        var destroyed = kind == "ReturnedOrDestroyed";
        table.Row();
        table.Uuid(Ids.At(at, context.Random));
        table.Uuid(context.Lots[lot].Id);
        table.Uuid(context.Products[context.Lots[lot].Product]);
        table.Text(kind);
        table.Write(delta, NpgsqlDbType.Numeric);
        table.Write(balance, NpgsqlDbType.Numeric);
        table.Uuid(staff.Clinicians[by]);
        table.Time(at);
        table.Uuid(destroyed ? staff.Clinicians[(by + 1) % staff.Clinicians.Length] : null);
        table.Uuid(patient);
        table.Uuid(dose?.Session);
        table.Uuid(dose?.Administration);
        table.Text(destroyed ? "Remainder below one dose: destroyed on site, witnessed." : null);
        table.Text(destroyed ? "DEA Form 41 on file" : null);
    }
}
