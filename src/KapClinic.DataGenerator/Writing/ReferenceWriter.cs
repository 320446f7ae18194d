using NpgsqlTypes;

namespace KapClinic.DataGenerator.Writing;

/// <summary>The clinic settings row, one room per clinician, and the three stocked products (reused when present).</summary>
internal static class ReferenceWriter
{
    private static readonly (string Name, string Ndc, string Drug, string Form, string Strength, decimal MgPerUnit, decimal UnitsPerContainer)[] ProductRows =
    [
        ("Ketamine HCl injection", "0409-2051-05", "Ketamine", "Vial", "500 mg/10 mL (50 mg/mL)", 50m, 10m),
        ("Ketamine HCl sublingual lozenge (compounded)", "70518-0100-01", "Ketamine", "Lozenge", "100 mg per lozenge", 100m, 1m),
        ("Spravato (esketamine) nasal spray", "50458-028-02", "Esketamine", "NasalDevice", "28 mg per device", 28m, 1m),
    ];

    public static async Task WriteAsync(GenerationContext context, string profileName)
    {
        var ct = context.CancellationToken;
        await DatabasePreparation.ExecuteAsync(
            context.Connection,
            $"INSERT INTO clinic_settings (id, clinic_name, time_zone_id) VALUES (1, 'Scale test clinic network ({profileName})', 'America/New_York') ON CONFLICT (id) DO NOTHING",
            ct);
        var random = context.Random;
        var rooms = new Guid[context.Staff.Clinicians.Length];
        await using (var table = await BulkTable.OpenAsync(context, "rooms", "id, name, kind, is_active", rooms.Length))
        {
            for (var i = 0; i < rooms.Length; i++)
            {
                rooms[i] = Planning.Ids.At(context.Plan.Origin, random);
                table.Row();
                table.Uuid(rooms[i]);
                table.Text(i % 2 == 0 ? $"Scale infusion suite {i + 1:00}" : $"Scale therapy room {i + 1:00}");
                table.Text(i % 2 == 0 ? "InfusionChair" : "TherapyRoom");
                table.Bool(true);
            }
        }

        context.Rooms = rooms;
        var products = new Guid[ProductRows.Length];
        for (var i = 0; i < ProductRows.Length; i++)
        {
            var p = ProductRows[i];
            var existing = await DatabasePreparation.ScalarAsync<Guid?>(context.Connection, $"SELECT id FROM drug_products WHERE ndc = '{p.Ndc}'", ct);
            if (existing is { } id)
            {
                products[i] = id;
                continue;
            }

            products[i] = Planning.Ids.At(context.Plan.Origin, random);
            await using var table = await BulkTable.OpenAsync(
                context, "drug_products", "id, name, ndc, drug, form, strength, mg_per_unit, units_per_container, reorder_level_units, is_active", 1);
            table.Row();
            table.Uuid(products[i]);
            table.Text(p.Name);
            table.Text(p.Ndc);
            table.Text(p.Drug);
            table.Text(p.Form);
            table.Text(p.Strength);
            table.Write(p.MgPerUnit, NpgsqlDbType.Numeric);
            table.Write(p.UnitsPerContainer, NpgsqlDbType.Numeric);
            table.Write(20m, NpgsqlDbType.Numeric);
            table.Bool(true);
        }

        context.Products = products;
    }
}
