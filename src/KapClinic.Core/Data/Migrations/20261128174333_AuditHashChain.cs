using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Chain columns are written only by the database (kap_audit_seal), so they are not in the EF model.
            migrationBuilder.Sql(AuditChainSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditChainSql.Drop);
        }
    }
}
