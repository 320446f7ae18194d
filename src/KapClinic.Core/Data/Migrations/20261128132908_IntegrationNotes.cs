using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IntegrationNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integration_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    modality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    follows_dosing_session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subjective = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    objective = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    data = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    assessment = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    plan = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    themes = table.Column<List<string>>(type: "character varying(60)[]", nullable: false),
                    insights = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    approaches = table.Column<string[]>(type: "character varying(40)[]", nullable: false),
                    other_approach = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    goals_and_progress = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    risk_method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    risk_level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    risk_note = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    risk_measure_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_notes", x => x.id);
                    table.CheckConstraint("ck_integration_notes_duration", "duration_minutes BETWEEN 1 AND 480");
                    table.CheckConstraint("ck_integration_notes_format", "(format = 'Dap' AND subjective IS NULL AND objective IS NULL) OR (format = 'Soap' AND data IS NULL)");
                    table.CheckConstraint("ck_integration_notes_risk", "(risk_method IS NULL AND risk_level IS NULL AND risk_measure_id IS NULL) OR (risk_method = 'CssrsScreener' AND risk_level IS NOT NULL AND risk_measure_id IS NOT NULL) OR (risk_method = 'ClinicianJudgement' AND risk_measure_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_integration_notes_clinical_notes_id",
                        column: x => x.id,
                        principalTable: "clinical_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_integration_notes_measure_responses_risk_measure_id",
                        column: x => x.risk_measure_id,
                        principalTable: "measure_responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "integration_themes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integration_themes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "integration_homework_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    carried_from_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integration_homework_items", x => x.id);
                    table.CheckConstraint("ck_integration_homework_items_position", "position >= 0");
                    table.ForeignKey(
                        name: "fk_integration_homework_items_integration_homework_items_carri",
                        column: x => x.carried_from_item_id,
                        principalTable: "integration_homework_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_integration_homework_items_integration_notes_note_id",
                        column: x => x.note_id,
                        principalTable: "integration_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_integration_homework_items_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "integration_themes",
                columns: new[] { "id", "created_at", "is_active", "name", "name_key" },
                values: new object[,]
                {
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b1"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Grief", "GRIEF" },
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b2"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Trauma", "TRAUMA" },
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b3"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Relationships", "RELATIONSHIPS" },
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b4"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Self-compassion", "SELF-COMPASSION" },
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b5"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Meaning", "MEANING" },
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b6"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Fear of death", "FEAR OF DEATH" },
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b7"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Body awareness", "BODY AWARENESS" },
                    { new Guid("0193a1c0-0000-7000-8000-0000000001b8"), new DateTimeOffset(new DateTime(2026, 11, 28, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), true, "Connection", "CONNECTION" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_integration_homework_items_carried_from_item_id",
                table: "integration_homework_items",
                column: "carried_from_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_integration_homework_items_note_id_carried_from_item_id",
                table: "integration_homework_items",
                columns: new[] { "note_id", "carried_from_item_id" },
                unique: true,
                filter: "carried_from_item_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_integration_homework_items_note_id_position",
                table: "integration_homework_items",
                columns: new[] { "note_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_integration_homework_items_patient_id",
                table: "integration_homework_items",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_integration_notes_risk_measure_id",
                table: "integration_notes",
                column: "risk_measure_id");

            migrationBuilder.CreateIndex(
                name: "ix_integration_themes_name_key",
                table: "integration_themes",
                column: "name_key",
                unique: true);

            // A signed integration note never changes: its row (like clinical_notes and preparation_sessions) and
            // its homework rows, which also cannot be added to or moved onto a signed note.
            migrationBuilder.Sql(ClinicalNotesLocked.ProtectNoteTable("integration_notes"));
            migrationBuilder.Sql(ClinicalNotesLocked.CreateChildLock);
            migrationBuilder.Sql(ClinicalNotesLocked.ProtectNoteChildTable("integration_homework_items"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ClinicalNotesLocked.UnprotectNoteChildTable("integration_homework_items"));
            migrationBuilder.Sql(ClinicalNotesLocked.DropChildLock);
            migrationBuilder.Sql(ClinicalNotesLocked.UnprotectNoteTable("integration_notes"));

            migrationBuilder.DropTable(
                name: "integration_homework_items");

            migrationBuilder.DropTable(
                name: "integration_themes");

            migrationBuilder.DropTable(
                name: "integration_notes");
        }
    }
}
