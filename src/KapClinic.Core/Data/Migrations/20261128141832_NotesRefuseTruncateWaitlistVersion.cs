using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotesRefuseTruncateWaitlistVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The waitlist's new concurrency token is PostgreSQL's xmin system column: nothing to add (the generated
            // AddColumn("xmin") would fail), only the model changes.
            foreach (var table in ClinicalNotesLocked.NoteTables)
            {
                migrationBuilder.Sql(ClinicalNotesLocked.RefuseTruncate(table));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ClinicalNotesLocked.NoteTables)
            {
                migrationBuilder.Sql(ClinicalNotesLocked.AllowTruncate(table));
            }
        }
    }
}
