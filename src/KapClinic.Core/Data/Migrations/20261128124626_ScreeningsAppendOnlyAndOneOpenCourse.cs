using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScreeningsAppendOnlyAndOneOpenCourse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ux_treatment_courses_one_open_per_patient",
                table: "treatment_courses",
                column: "patient_id",
                unique: true,
                filter: "status IN ('Planned', 'Active')");

            // Screening versions are append-only and a signed one never changes, whatever the client.
            migrationBuilder.Sql(ScreeningsSignedImmutable.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ScreeningsSignedImmutable.Drop);

            migrationBuilder.DropIndex(
                name: "ux_treatment_courses_one_open_per_patient",
                table: "treatment_courses");
        }
    }
}
