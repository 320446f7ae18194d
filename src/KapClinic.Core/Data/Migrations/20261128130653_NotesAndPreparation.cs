using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotesAndPreparation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "draft_overdue_hours",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 72);

            migrationBuilder.CreateTable(
                name: "clinical_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signer_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    signer_credentials = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signature_meaning = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clinical_notes", x => x.id);
                    table.CheckConstraint("ck_clinical_notes_signature", "(status = 'Draft' AND signed_at IS NULL AND signed_by IS NULL AND signer_name IS NULL AND signature_meaning IS NULL AND content_hash IS NULL) OR (status = 'Signed' AND signed_at IS NOT NULL AND signed_by = author_id AND signer_name IS NOT NULL AND signature_meaning IS NOT NULL AND content_hash IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_clinical_notes_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_clinical_notes_treatment_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "treatment_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_addenda",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    signer_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    signer_credentials = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signature_meaning = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_addenda", x => x.id);
                    table.ForeignKey(
                        name: "fk_note_addenda_clinical_notes_note_id",
                        column: x => x.note_id,
                        principalTable: "clinical_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_note_addenda_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "note_cosignatures",
                columns: table => new
                {
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    signer_credentials = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signature_meaning = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note_content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_note_cosignatures", x => x.note_id);
                    table.ForeignKey(
                        name: "fk_note_cosignatures_clinical_notes_note_id",
                        column: x => x.note_id,
                        principalTable: "clinical_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_note_cosignatures_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "preparation_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    modality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    intentions = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    education_topics = table.Column<string[]>(type: "character varying(40)[]", nullable: false),
                    reviewed_screening_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reviewed_screening_result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    mental_status = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    support_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ride_home_arranged = table.Column<bool>(type: "boolean", nullable: false),
                    decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decision_rationale = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    data = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    assessment = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    plan = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_preparation_sessions", x => x.id);
                    table.CheckConstraint("ck_preparation_sessions_duration", "duration_minutes BETWEEN 1 AND 480");
                    table.CheckConstraint("ck_preparation_sessions_rationale", "decision IS NULL OR decision_rationale IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_preparation_sessions_clinical_notes_id",
                        column: x => x.id,
                        principalTable: "clinical_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_preparation_sessions_screenings_reviewed_screening_id",
                        column: x => x.reviewed_screening_id,
                        principalTable: "screenings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clinical_notes_course_id_kind_occurred_at",
                table: "clinical_notes",
                columns: new[] { "course_id", "kind", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_clinical_notes_drafts_by_author",
                table: "clinical_notes",
                columns: new[] { "author_id", "created_at" },
                filter: "status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_clinical_notes_patient_id_occurred_at",
                table: "clinical_notes",
                columns: new[] { "patient_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_note_addenda_note_id_signed_at",
                table: "note_addenda",
                columns: new[] { "note_id", "signed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_note_addenda_patient_id",
                table: "note_addenda",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_note_cosignatures_patient_id",
                table: "note_cosignatures",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_preparation_sessions_reviewed_screening_id",
                table: "preparation_sessions",
                column: "reviewed_screening_id");

            migrationBuilder.Sql(ClinicalNotesLocked.Create);
            migrationBuilder.Sql(ClinicalNotesLocked.ProtectNoteTable("preparation_sessions"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ClinicalNotesLocked.UnprotectNoteTable("preparation_sessions"));
            migrationBuilder.Sql(ClinicalNotesLocked.Drop);

            migrationBuilder.DropTable(
                name: "note_addenda");

            migrationBuilder.DropTable(
                name: "note_cosignatures");

            migrationBuilder.DropTable(
                name: "preparation_sessions");

            migrationBuilder.DropTable(
                name: "clinical_notes");

            migrationBuilder.DropColumn(
                name: "draft_overdue_hours",
                table: "clinic_settings");
        }
    }
}
