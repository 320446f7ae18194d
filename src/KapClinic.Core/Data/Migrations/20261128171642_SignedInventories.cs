using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignedInventories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signed_inventories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    signer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lot_count = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signed_inventories", x => x.id);
                    table.CheckConstraint("ck_signed_inventories_lots", "lot_count >= 0");
                    table.ForeignKey(
                        name: "fk_signed_inventories_users_signer_id",
                        column: x => x.signer_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signed_inventories_as_of",
                table: "signed_inventories",
                column: "as_of");

            migrationBuilder.CreateIndex(
                name: "ix_signed_inventories_signer_id",
                table: "signed_inventories",
                column: "signer_id");

            // A signed inventory is kept as signed: no UPDATE, DELETE or TRUNCATE (the ledger's append-only function).
            migrationBuilder.Sql("""
                CREATE TRIGGER signed_inventories_no_update_or_delete BEFORE UPDATE OR DELETE ON signed_inventories
                    FOR EACH ROW EXECUTE FUNCTION inventory_ledger_append_only();
                CREATE TRIGGER signed_inventories_no_truncate BEFORE TRUNCATE ON signed_inventories
                    FOR EACH STATEMENT EXECUTE FUNCTION inventory_ledger_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS signed_inventories_no_truncate ON signed_inventories;
                DROP TRIGGER IF EXISTS signed_inventories_no_update_or_delete ON signed_inventories;
                """);

            migrationBuilder.DropTable(
                name: "signed_inventories");
        }
    }
}
