using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatientsAndCourses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            // Accent-insensitive search needs an IMMUTABLE unaccent (the stock one is only STABLE) for the stored
            // search column and its trigram index.
            migrationBuilder.Sql(PatientSearchSql.CreateUnaccentFunction);

            migrationBuilder.CreateSequence(
                name: "patient_mrn_seq");

            migrationBuilder.AddColumn<int>(
                name: "consent_validity_months",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<int>(
                name: "minimum_patient_age_years",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 18);

            migrationBuilder.CreateTable(
                name: "patients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mrn = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValueSql: "'KAP-' || lpad(nextval('patient_mrn_seq')::text, 6, '0')"),
                    legal_first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    legal_last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    preferred_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    sex_at_birth = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    gender_identity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    pronouns = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    primary_clinician_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referral_source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    height_cm = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_name = table.Column<string>(type: "text", nullable: false, computedColumnSql: "kap_unaccent(lower(legal_first_name || ' ' || legal_last_name || ' ' || coalesce(preferred_name, '')))", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_line1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_line2 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address_region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    emergency_contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    emergency_contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    emergency_contact_relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients", x => x.id);
                    table.CheckConstraint("ck_patients_archived", "is_archived = (archived_at IS NOT NULL)");
                    table.CheckConstraint("ck_patients_height", "height_cm IS NULL OR height_cm BETWEEN 100 AND 250");
                    table.ForeignKey(
                        name: "fk_patients_users_primary_clinician_id",
                        column: x => x.primary_clinician_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "protocols",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    drug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    dose_unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    dose_min = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    dose_max = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    planned_preparation_sessions = table.Column<int>(type: "integer", nullable: false),
                    planned_dosing_sessions = table.Column<int>(type: "integer", nullable: false),
                    planned_integration_sessions = table.Column<int>(type: "integer", nullable: false),
                    minimum_monitoring_minutes = table.Column<int>(type: "integer", nullable: false),
                    vitals_interval_minutes = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protocols", x => x.id);
                    table.CheckConstraint("ck_protocols_counts", "planned_preparation_sessions >= 0 AND planned_dosing_sessions >= 1 AND planned_integration_sessions >= 0 AND minimum_monitoring_minutes >= 0 AND vitals_interval_minutes > 0");
                    table.CheckConstraint("ck_protocols_dose_range", "dose_min > 0 AND dose_max >= dose_min");
                });

            migrationBuilder.CreateTable(
                name: "allergies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    substance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reaction = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    inactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allergies", x => x.id);
                    table.ForeignKey(
                        name: "fk_allergies_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    document_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    patient_typed_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    witness_id = table.Column<Guid>(type: "uuid", nullable: false),
                    witness_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_consents_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diagnoses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    icd10code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diagnoses", x => x.id);
                    table.ForeignKey(
                        name: "fk_diagnoses_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "medications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    @class = table.Column<string>(name: "class", type: "character varying(40)", maxLength: 40, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_medications", x => x.id);
                    table.ForeignKey(
                        name: "fk_medications_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "screenings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signer_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    signer_credentials = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    responses = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screenings", x => x.id);
                    table.ForeignKey(
                        name: "fk_screenings_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "weight_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measured_on = table.Column<DateOnly>(type: "date", nullable: false),
                    kg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weight_entries", x => x.id);
                    table.CheckConstraint("ck_weight_entries_kg", "kg BETWEEN 30 AND 300");
                    table.ForeignKey(
                        name: "fk_weight_entries_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "treatment_courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    protocol_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stop_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_treatment_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_treatment_courses_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_treatment_courses_protocols_protocol_id",
                        column: x => x.protocol_id,
                        principalTable: "protocols",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "measure_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    instrument = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answers = table.Column<int[]>(type: "integer[]", nullable: false),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    alerts = table.Column<string[]>(type: "text[]", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entered_by = table.Column<Guid>(type: "uuid", nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subscales = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measure_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_measure_responses_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_measure_responses_treatment_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "treatment_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "protocols",
                columns: new[] { "id", "dose_max", "dose_min", "dose_unit", "drug", "is_active", "minimum_monitoring_minutes", "name", "planned_dosing_sessions", "planned_integration_sessions", "planned_preparation_sessions", "route", "vitals_interval_minutes" },
                values: new object[,]
                {
                    { new Guid("0193a1c0-0000-7000-8000-0000000000a1"), 1.0m, 0.5m, "MgPerKg", "Ketamine", true, 60, "IV ketamine series", 6, 6, 1, "Intravenous", 10 },
                    { new Guid("0193a1c0-0000-7000-8000-0000000000a2"), 1.5m, 0.5m, "MgPerKg", "Ketamine", true, 60, "IM ketamine-assisted psychotherapy", 6, 6, 2, "Intramuscular", 15 },
                    { new Guid("0193a1c0-0000-7000-8000-0000000000a3"), 400m, 100m, "Mg", "Ketamine", true, 60, "Sublingual ketamine-assisted psychotherapy", 6, 6, 2, "Sublingual", 15 },
                    { new Guid("0193a1c0-0000-7000-8000-0000000000a4"), 84m, 56m, "Mg", "Esketamine", true, 120, "Esketamine (Spravato) induction", 8, 4, 1, "Intranasal", 40 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_allergies_patient_id",
                table: "allergies",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_consents_patient_id_kind_expires_on",
                table: "consents",
                columns: new[] { "patient_id", "kind", "expires_on" });

            migrationBuilder.CreateIndex(
                name: "ix_diagnoses_patient_id",
                table: "diagnoses",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_measure_responses_course_id",
                table: "measure_responses",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_measure_responses_patient_id_instrument_taken_at",
                table: "measure_responses",
                columns: new[] { "patient_id", "instrument", "taken_at" });

            migrationBuilder.CreateIndex(
                name: "ix_medications_patient_id",
                table: "medications",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_patients_date_of_birth",
                table: "patients",
                column: "date_of_birth",
                filter: "is_archived = false");

            migrationBuilder.CreateIndex(
                name: "ix_patients_legal_last_name_legal_first_name",
                table: "patients",
                columns: new[] { "legal_last_name", "legal_first_name" },
                filter: "is_archived = false");

            migrationBuilder.CreateIndex(
                name: "ix_patients_mrn",
                table: "patients",
                column: "mrn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patients_primary_clinician_id_legal_last_name",
                table: "patients",
                columns: new[] { "primary_clinician_id", "legal_last_name" },
                filter: "is_archived = false");

            migrationBuilder.CreateIndex(
                name: "ix_patients_search_name",
                table: "patients",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_status_legal_last_name",
                table: "patients",
                columns: new[] { "status", "legal_last_name" },
                filter: "is_archived = false");

            migrationBuilder.CreateIndex(
                name: "ix_protocols_name",
                table: "protocols",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_screenings_patient_id_version_number",
                table: "screenings",
                columns: new[] { "patient_id", "version_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_treatment_courses_patient_id",
                table: "treatment_courses",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_treatment_courses_protocol_id",
                table: "treatment_courses",
                column: "protocol_id");

            migrationBuilder.CreateIndex(
                name: "ix_weight_entries_patient_id_measured_on",
                table: "weight_entries",
                columns: new[] { "patient_id", "measured_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allergies");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "diagnoses");

            migrationBuilder.DropTable(
                name: "measure_responses");

            migrationBuilder.DropTable(
                name: "medications");

            migrationBuilder.DropTable(
                name: "screenings");

            migrationBuilder.DropTable(
                name: "weight_entries");

            migrationBuilder.DropTable(
                name: "treatment_courses");

            migrationBuilder.DropTable(
                name: "patients");

            migrationBuilder.DropTable(
                name: "protocols");

            migrationBuilder.DropColumn(
                name: "consent_validity_months",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "minimum_patient_age_years",
                table: "clinic_settings");

            migrationBuilder.DropSequence(
                name: "patient_mrn_seq");

            migrationBuilder.Sql(PatientSearchSql.DropUnaccentFunction);

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
