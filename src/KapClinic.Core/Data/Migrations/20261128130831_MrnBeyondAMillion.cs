using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MrnBeyondAMillion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PatientSearchSql.CreateNextMrnFunction);
            migrationBuilder.AlterColumn<string>(
                name: "mrn",
                table: "patients",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValueSql: "kap_next_mrn()",
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldDefaultValueSql: "'KAP-' || lpad(nextval('patient_mrn_seq')::text, 6, '0')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "mrn",
                table: "patients",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValueSql: "'KAP-' || lpad(nextval('patient_mrn_seq')::text, 6, '0')",
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldDefaultValueSql: "kap_next_mrn()");

            migrationBuilder.Sql(PatientSearchSql.DropNextMrnFunction);
        }
    }
}
