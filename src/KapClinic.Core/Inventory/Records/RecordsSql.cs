namespace KapClinic.Core.Inventory.Records;

/// <summary>The records' SQL ($n are positional parameters). Columns are aliased to the read models' property names.</summary>
internal static class RecordsSql
{
    /// <summary>$1 product, $2 period start (UTC), $3 period end (UTC, exclusive).</summary>
    public static readonly string DispensingLogHeader = """
        SELECT p.id AS "ProductId", p.name AS "Name", p.ndc AS "Ndc", p.form AS "Form", p.strength AS "Strength",
               p.units_per_container AS "UnitsPerContainer",
               coalesce((SELECT sum(e.delta) FROM inventory_ledger e WHERE e.product_id = p.id AND e.recorded_at < $2), 0) AS "OpeningBalance",
               coalesce((SELECT sum(e.delta) FROM inventory_ledger e WHERE e.product_id = p.id AND e.recorded_at < $3), 0) AS "ClosingBalance"
        FROM drug_products p
        WHERE p.id = $1
        """;

    /// <summary>$1 product, $2 start, $3 end, $4 limit, $5 offset. The window runs over all earlier entries, then the period is cut out.</summary>
    public static readonly string DispensingLogEntries = $$"""
        SELECT w.id AS "Id", w.recorded_at AS "RecordedAt", w.kind AS "Kind", l.lot_number AS "LotNumber", w.delta AS "Delta",
               w.balance_after AS "LotBalanceAfter", w.product_balance AS "ProductBalance", pt.mrn AS "PatientMrn",
               {{SignatureSql.Of("r")}} AS "RecordedBy", {{SignatureSql.Of("wi")}} AS "Witness",
               w.reason AS "Reason", w.reference AS "Reference", w.counted_units AS "CountedUnits",
               w.expected_units AS "ExpectedUnits", w.corrects_entry_id AS "CorrectsEntryId",
               CASE WHEN w.kind = 'Received' THEN l.received_on END AS "ReceivedOn",
               CASE WHEN w.kind = 'Received' THEN l.supplier_name END AS "SupplierName",
               CASE WHEN w.kind = 'Received' THEN l.supplier_address END AS "SupplierAddress",
               CASE WHEN w.kind = 'Received' THEN l.supplier_dea_number END AS "SupplierDeaNumber",
               CASE WHEN w.kind = 'Received' THEN l.invoice_number END AS "InvoiceNumber",
               da.administered_at AS "AdministeredAt", CASE WHEN da.id IS NULL THEN NULL ELSE {{SignatureSql.Of("g")}} END AS "GivenBy"
        FROM (
            SELECT e.*, sum(e.delta) OVER (PARTITION BY e.product_id ORDER BY e.recorded_at, e.id) AS product_balance
            FROM inventory_ledger e
            WHERE e.product_id = $1 AND e.recorded_at < $3
        ) w
        JOIN inventory_lots l ON l.id = w.lot_id
        JOIN users r ON r.id = w.recorded_by
        LEFT JOIN users wi ON wi.id = w.witness_id
        LEFT JOIN patients pt ON pt.id = w.patient_id
        LEFT JOIN dose_administrations da ON da.id = w.administration_id AND w.kind = 'Administered'
        LEFT JOIN users g ON g.id = da.given_by_id
        WHERE w.recorded_at >= $2
        ORDER BY w.recorded_at, w.id
        LIMIT $4 OFFSET $5
        """;

    /// <summary>$1 end of the day (UTC, exclusive).</summary>
    public static readonly string InventoryLots = """
        SELECT l.id AS "LotId", p.name AS "ProductName", p.ndc AS "Ndc", p.form AS "Form", p.strength AS "Strength",
               p.units_per_container AS "UnitsPerContainer", l.lot_number AS "LotNumber", l.expires_on AS "ExpiresOn",
               b.balance AS "Balance", c.counted_units AS "LastCountedUnits", c.recorded_at AS "LastCountedAt"
        FROM inventory_lots l
        JOIN drug_products p ON p.id = l.product_id
        CROSS JOIN LATERAL (
            SELECT sum(e.delta) AS balance, count(*) AS entries FROM inventory_ledger e WHERE e.lot_id = l.id AND e.recorded_at < $1
        ) b
        LEFT JOIN LATERAL (
            SELECT e.counted_units, e.recorded_at FROM inventory_ledger e
            WHERE e.lot_id = l.id AND e.kind = 'Count' AND e.recorded_at < $1
            ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1
        ) c ON true
        WHERE b.entries > 0 AND (b.balance > 0 OR NOT l.is_closed)
        ORDER BY p.name, p.strength, l.expires_on, l.lot_number
        """;

    /// <summary>$1 product, $2 true for all products, $3 start, $4 end, $5 limit, $6 offset.</summary>
    public static readonly string Discrepancies = $$"""
        SELECT d.id AS "Id", p.name || ' ' || p.strength AS "ProductName", l.lot_number AS "LotNumber",
               d.expected_units AS "ExpectedUnits", d.counted_units AS "CountedUnits", d.opened_at AS "OpenedAt",
               {{SignatureSql.Of("c")}} AS "CountedBy", d.resolved_at AS "ResolvedAt", {{SignatureSql.Of("r")}} AS "ResolvedBy",
               d.resolution_note AS "ResolutionNote"
        FROM inventory_discrepancies d
        JOIN drug_products p ON p.id = d.product_id
        JOIN inventory_lots l ON l.id = d.lot_id
        JOIN inventory_ledger e ON e.id = d.count_entry_id
        JOIN users c ON c.id = e.recorded_by
        LEFT JOIN users r ON r.id = d.resolved_by
        WHERE ($2 OR d.product_id = $1) AND d.opened_at >= $3 AND d.opened_at < $4
        ORDER BY d.opened_at, d.id
        LIMIT $5 OFFSET $6
        """;
}
