using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditActionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_audit_events_action_occurred_at",
                table: "audit_events",
                columns: new[] { "action", "occurred_at" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "timestamptz_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_events_action_occurred_at",
                table: "audit_events");
        }
    }
}
