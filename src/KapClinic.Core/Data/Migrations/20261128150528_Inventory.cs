using System;
using KapClinic.Core.Inventory;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Inventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "lot_id",
                table: "dose_administrations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "drug_products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ndc = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    drug = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    strength = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    mg_per_unit = table.Column<decimal>(type: "numeric(10,3)", precision: 10, scale: 3, nullable: false),
                    units_per_container = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    reorder_level_units = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drug_products", x => x.id);
                    table.CheckConstraint("ck_drug_products_units", "mg_per_unit > 0 AND units_per_container > 0 AND reorder_level_units >= 0");
                });

            migrationBuilder.CreateTable(
                name: "inventory_lots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    supplier_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    supplier_address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    supplier_dea_number = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    quantity_received = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    received_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    balance = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false, defaultValue: 0m),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_lots", x => x.id);
                    table.CheckConstraint("ck_inventory_lots_balance_not_negative", "balance >= 0");
                    table.CheckConstraint("ck_inventory_lots_quantity", "quantity_received > 0");
                    table.ForeignKey(
                        name: "fk_inventory_lots_drug_products_product_id",
                        column: x => x.product_id,
                        principalTable: "drug_products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_lots_users_received_by",
                        column: x => x.received_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inventory_ledger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    delta = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    balance_after = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    witness_id = table.Column<Guid>(type: "uuid", nullable: true),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dosing_session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    administration_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    corrects_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    counted_units = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    expected_units = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_ledger", x => x.id);
                    table.CheckConstraint("ck_inventory_ledger_balance", "balance_after >= 0");
                    table.CheckConstraint("ck_inventory_ledger_delta", "(kind = 'Received' AND delta > 0) OR (kind IN ('Administered', 'Wasted', 'ReturnedOrDestroyed') AND delta < 0) OR (kind IN ('Adjustment', 'Correction') AND delta <> 0) OR (kind = 'Count' AND delta = 0 AND counted_units >= 0 AND expected_units IS NOT NULL)");
                    table.CheckConstraint("ck_inventory_ledger_details", "(kind NOT IN ('Wasted', 'Adjustment', 'Correction') OR btrim(reason) <> '') AND (kind <> 'ReturnedOrDestroyed' OR btrim(reference) <> '') AND (kind <> 'Administered' OR (patient_id IS NOT NULL AND administration_id IS NOT NULL)) AND ((kind = 'Correction') = (corrects_entry_id IS NOT NULL))");
                    table.CheckConstraint("ck_inventory_ledger_witness", "kind NOT IN ('Wasted', 'ReturnedOrDestroyed', 'Adjustment', 'Correction') OR (witness_id IS NOT NULL AND witness_id <> recorded_by)");
                    table.ForeignKey(
                        name: "fk_inventory_ledger_dose_administrations_administration_id",
                        column: x => x.administration_id,
                        principalTable: "dose_administrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_ledger_dosing_sessions_dosing_session_id",
                        column: x => x.dosing_session_id,
                        principalTable: "dosing_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_ledger_drug_products_product_id",
                        column: x => x.product_id,
                        principalTable: "drug_products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_ledger_inventory_ledger_corrects_entry_id",
                        column: x => x.corrects_entry_id,
                        principalTable: "inventory_ledger",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_ledger_inventory_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "inventory_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_ledger_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_ledger_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_ledger_users_witness_id",
                        column: x => x.witness_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inventory_discrepancies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    count_entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expected_units = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    counted_units = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    resolution_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_discrepancies", x => x.id);
                    table.CheckConstraint("ck_inventory_discrepancies_resolution", "(resolved_at IS NULL AND resolved_by IS NULL AND resolution_note IS NULL) OR (resolved_at IS NOT NULL AND resolved_by IS NOT NULL AND btrim(resolution_note) <> '')");
                    table.ForeignKey(
                        name: "fk_inventory_discrepancies_drug_products_product_id",
                        column: x => x.product_id,
                        principalTable: "drug_products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_discrepancies_inventory_ledger_count_entry_id",
                        column: x => x.count_entry_id,
                        principalTable: "inventory_ledger",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_discrepancies_inventory_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "inventory_lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventory_discrepancies_users_resolved_by",
                        column: x => x.resolved_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dose_administrations_lot_id",
                table: "dose_administrations",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_drug_products_ndc",
                table: "drug_products",
                column: "ndc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_discrepancies_count_entry_id",
                table: "inventory_discrepancies",
                column: "count_entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_discrepancies_lot_id",
                table: "inventory_discrepancies",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_discrepancies_open",
                table: "inventory_discrepancies",
                column: "opened_at",
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_discrepancies_product_id",
                table: "inventory_discrepancies",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_discrepancies_resolved_by",
                table: "inventory_discrepancies",
                column: "resolved_by");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_administration_id",
                table: "inventory_ledger",
                column: "administration_id",
                unique: true,
                filter: "administration_id IS NOT NULL AND kind = 'Administered'");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_corrects_entry_id",
                table: "inventory_ledger",
                column: "corrects_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_dosing_session_id",
                table: "inventory_ledger",
                column: "dosing_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_lot_id_recorded_at",
                table: "inventory_ledger",
                columns: new[] { "lot_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_patient_id",
                table: "inventory_ledger",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_product_id_recorded_at",
                table: "inventory_ledger",
                columns: new[] { "product_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_recorded_by",
                table: "inventory_ledger",
                column: "recorded_by");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ledger_witness_id",
                table: "inventory_ledger",
                column: "witness_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_lots_expires_on",
                table: "inventory_lots",
                column: "expires_on",
                filter: "NOT is_closed");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_lots_product_id_lot_number",
                table: "inventory_lots",
                columns: new[] { "product_id", "lot_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_lots_received_by",
                table: "inventory_lots",
                column: "received_by");

            migrationBuilder.AddForeignKey(
                name: "fk_dose_administrations_lots_lot_id",
                table: "dose_administrations",
                column: "lot_id",
                principalTable: "inventory_lots",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The ledger applies itself to lot balances, never changes, and guards lots.balance (see InventoryLedgerSql).
            migrationBuilder.Sql(InventoryLedgerSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(InventoryLedgerSql.Drop);

            migrationBuilder.DropForeignKey(
                name: "fk_dose_administrations_lots_lot_id",
                table: "dose_administrations");

            migrationBuilder.DropTable(
                name: "inventory_discrepancies");

            migrationBuilder.DropTable(
                name: "inventory_ledger");

            migrationBuilder.DropTable(
                name: "inventory_lots");

            migrationBuilder.DropTable(
                name: "drug_products");

            migrationBuilder.DropIndex(
                name: "ix_dose_administrations_lot_id",
                table: "dose_administrations");

            migrationBuilder.DropColumn(
                name: "lot_id",
                table: "dose_administrations");
        }
    }
}
