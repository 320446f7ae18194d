using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KapClinic.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DosingSessions : Migration
    {
        private static readonly string[] DosingChildTables = ["dose_administrations", "vitals_readings", "adverse_events", "dosing_gate_overrides"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "dosing_alert_diastolic_above",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 110);

            migrationBuilder.AddColumn<int>(
                name: "dosing_alert_heart_rate_above",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<int>(
                name: "dosing_alert_sp_o2below",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 92);

            migrationBuilder.AddColumn<int>(
                name: "dosing_alert_systolic_above",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 180);

            migrationBuilder.AddColumn<int>(
                name: "dosing_esketamine_minimum_monitoring_minutes",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<int>(
                name: "dosing_flag_diastolic",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.AddColumn<int>(
                name: "dosing_flag_systolic",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 140);

            migrationBuilder.AddColumn<int>(
                name: "dosing_hold_diastolic",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<int>(
                name: "dosing_hold_heart_rate_above",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 110);

            migrationBuilder.AddColumn<int>(
                name: "dosing_hold_sp_o2below",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 94);

            migrationBuilder.AddColumn<int>(
                name: "dosing_hold_systolic",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 160);

            migrationBuilder.AddColumn<int>(
                name: "dosing_post_infusion_interval_minutes",
                table: "clinic_settings",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.CreateTable(
                name: "dosing_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    protocol_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drug = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dose_unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    dose_min = table.Column<decimal>(type: "numeric(8,3)", precision: 8, scale: 3, nullable: false),
                    dose_max = table.Column<decimal>(type: "numeric(8,3)", precision: 8, scale: 3, nullable: false),
                    minimum_monitoring_minutes = table.Column<int>(type: "integer", nullable: false),
                    vitals_interval_minutes = table.Column<int>(type: "integer", nullable: false),
                    identity_verified = table.Column<bool>(type: "boolean", nullable: false),
                    consent_current = table.Column<bool>(type: "boolean", nullable: false),
                    fasting = table.Column<bool>(type: "boolean", nullable: false),
                    ride_home_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ride_home_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    no_contraindicated_medication_today = table.Column<bool>(type: "boolean", nullable: false),
                    pregnancy_test = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    intention = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    mood_score = table.Column<int>(type: "integer", nullable: true),
                    weight_kg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    pre_dose_systolic = table.Column<int>(type: "integer", nullable: true),
                    pre_dose_diastolic = table.Column<int>(type: "integer", nullable: true),
                    pre_dose_heart_rate = table.Column<int>(type: "integer", nullable: true),
                    pre_dose_sp_o2 = table.Column<int>(type: "integer", nullable: true),
                    pre_dose_respiratory_rate = table.Column<int>(type: "integer", nullable: true),
                    pre_dose_vitals_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    takes_benzodiazepine = table.Column<bool>(type: "boolean", nullable: false),
                    takes_non_benzodiazepine_sedative = table.Column<bool>(type: "boolean", nullable: false),
                    takes_psychostimulant = table.Column<bool>(type: "boolean", nullable: false),
                    takes_maoi = table.Column<bool>(type: "boolean", nullable: false),
                    pre_dose_cssrs_measure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pre_dose_cssrs_risk = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    patient_account = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    dose_withheld_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    discharge_vitals_near_baseline = table.Column<bool>(type: "boolean", nullable: false),
                    discharge_alert_and_oriented = table.Column<bool>(type: "boolean", nullable: false),
                    discharge_walking_steadily = table.Column<bool>(type: "boolean", nullable: false),
                    discharge_nausea_controlled = table.Column<bool>(type: "boolean", nullable: false),
                    discharge_responsible_adult_present = table.Column<bool>(type: "boolean", nullable: false),
                    discharge_instructions_given = table.Column<bool>(type: "boolean", nullable: false),
                    discharged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    discharged_with = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ready_to_leave_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dosing_sessions", x => x.id);
                    table.CheckConstraint("ck_dosing_sessions_discharge", "(discharged_at IS NULL) = (discharged_with IS NULL)");
                    table.CheckConstraint("ck_dosing_sessions_dose_range", "dose_min > 0 AND dose_max >= dose_min");
                    table.CheckConstraint("ck_dosing_sessions_mood", "mood_score IS NULL OR mood_score BETWEEN 0 AND 10");
                    table.CheckConstraint("ck_dosing_sessions_pre_dose_vitals", "(pre_dose_systolic IS NULL OR pre_dose_systolic BETWEEN 50 AND 260) AND (pre_dose_diastolic IS NULL OR pre_dose_diastolic BETWEEN 30 AND 160) AND (pre_dose_heart_rate IS NULL OR pre_dose_heart_rate BETWEEN 20 AND 250) AND (pre_dose_sp_o2 IS NULL OR pre_dose_sp_o2 BETWEEN 50 AND 100) AND (pre_dose_respiratory_rate IS NULL OR pre_dose_respiratory_rate BETWEEN 4 AND 60)");
                    table.CheckConstraint("ck_dosing_sessions_weight", "weight_kg IS NULL OR weight_kg BETWEEN 30 AND 300");
                    table.ForeignKey(
                        name: "fk_dosing_sessions_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dosing_sessions_clinical_notes_id",
                        column: x => x.id,
                        principalTable: "clinical_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dosing_sessions_measure_responses_pre_dose_cssrs_measure_id",
                        column: x => x.pre_dose_cssrs_measure_id,
                        principalTable: "measure_responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dosing_sessions_protocols_protocol_id",
                        column: x => x.protocol_id,
                        principalTable: "protocols",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dosing_sessions_users_prescriber_id",
                        column: x => x.prescriber_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "adverse_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    other_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    onset_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action_taken = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adverse_events", x => x.id);
                    table.CheckConstraint("ck_adverse_events_other", "(type = 'Other') = (other_type IS NOT NULL)");
                    table.CheckConstraint("ck_adverse_events_resolved", "resolved_at IS NULL OR resolved_at >= onset_at");
                    table.ForeignKey(
                        name: "fk_adverse_events_dosing_sessions_note_id",
                        column: x => x.note_id,
                        principalTable: "dosing_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_adverse_events_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_adverse_events_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dose_administrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    drug = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dose_mg = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    weight_kg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    mg_per_kg = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    concentration_mg_per_ml = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    volume_ml = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    administered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_infusion = table.Column<bool>(type: "boolean", nullable: false),
                    infusion_end_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    infusion_rate_ml_per_hour = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    device_count = table.Column<int>(type: "integer", nullable: true),
                    lot_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    given_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dose_administrations", x => x.id);
                    table.CheckConstraint("ck_dose_administrations_devices", "drug <> 'Esketamine' OR (device_count BETWEEN 1 AND 3 AND dose_mg = device_count * 28)");
                    table.CheckConstraint("ck_dose_administrations_dose", "dose_mg > 0");
                    table.CheckConstraint("ck_dose_administrations_infusion", "infusion_end_at IS NULL OR (is_infusion AND infusion_end_at > administered_at)");
                    table.CheckConstraint("ck_dose_administrations_lot", "btrim(lot_number) <> ''");
                    table.ForeignKey(
                        name: "fk_dose_administrations_dosing_sessions_note_id",
                        column: x => x.note_id,
                        principalTable: "dosing_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dose_administrations_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dose_administrations_users_given_by_id",
                        column: x => x.given_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dose_administrations_users_prescriber_id",
                        column: x => x.prescriber_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rems_submissions",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    confirmation_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rems_submissions", x => x.session_id);
                    table.ForeignKey(
                        name: "fk_rems_submissions_dosing_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "dosing_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rems_submissions_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rems_submissions_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vitals_readings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    systolic = table.Column<int>(type: "integer", nullable: true),
                    diastolic = table.Column<int>(type: "integer", nullable: true),
                    heart_rate = table.Column<int>(type: "integer", nullable: true),
                    sp_o2 = table.Column<int>(type: "integer", nullable: true),
                    respiratory_rate = table.Column<int>(type: "integer", nullable: true),
                    moaas = table.Column<int>(type: "integer", nullable: true),
                    dissociation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    cadss6 = table.Column<int>(type: "integer", nullable: true),
                    nausea = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vitals_readings", x => x.id);
                    table.CheckConstraint("ck_vitals_readings_cadss6", "cadss6 IS NULL OR cadss6 BETWEEN 0 AND 24");
                    table.CheckConstraint("ck_vitals_readings_moaas", "moaas IS NULL OR moaas BETWEEN 0 AND 5");
                    table.CheckConstraint("ck_vitals_readings_vitals", "(systolic IS NULL OR systolic BETWEEN 50 AND 260) AND (diastolic IS NULL OR diastolic BETWEEN 30 AND 160) AND (heart_rate IS NULL OR heart_rate BETWEEN 20 AND 250) AND (sp_o2 IS NULL OR sp_o2 BETWEEN 50 AND 100) AND (respiratory_rate IS NULL OR respiratory_rate BETWEEN 4 AND 60)");
                    table.ForeignKey(
                        name: "fk_vitals_readings_dosing_sessions_note_id",
                        column: x => x.note_id,
                        principalTable: "dosing_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_vitals_readings_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_vitals_readings_users_recorded_by",
                        column: x => x.recorded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dosing_gate_overrides",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    administration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gate = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    finding = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    prescriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescriber_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    overridden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dosing_gate_overrides", x => x.id);
                    table.CheckConstraint("ck_dosing_gate_overrides_reason", "btrim(reason) <> ''");
                    table.ForeignKey(
                        name: "fk_dosing_gate_overrides_dose_administrations_administration_id",
                        column: x => x.administration_id,
                        principalTable: "dose_administrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dosing_gate_overrides_dosing_sessions_note_id",
                        column: x => x.note_id,
                        principalTable: "dosing_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dosing_gate_overrides_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dosing_gate_overrides_users_prescriber_id",
                        column: x => x.prescriber_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_integration_notes_follows_dosing_session_id",
                table: "integration_notes",
                column: "follows_dosing_session_id");

            migrationBuilder.CreateIndex(
                name: "ix_adverse_events_note_id_onset_at",
                table: "adverse_events",
                columns: new[] { "note_id", "onset_at" });

            migrationBuilder.CreateIndex(
                name: "ix_adverse_events_patient_id",
                table: "adverse_events",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_adverse_events_recorded_by",
                table: "adverse_events",
                column: "recorded_by");

            migrationBuilder.CreateIndex(
                name: "ix_dose_administrations_administered_at",
                table: "dose_administrations",
                column: "administered_at");

            migrationBuilder.CreateIndex(
                name: "ix_dose_administrations_given_by_id",
                table: "dose_administrations",
                column: "given_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_dose_administrations_note_id_sequence",
                table: "dose_administrations",
                columns: new[] { "note_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dose_administrations_patient_id",
                table: "dose_administrations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_dose_administrations_prescriber_id",
                table: "dose_administrations",
                column: "prescriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_gate_overrides_administration_id",
                table: "dosing_gate_overrides",
                column: "administration_id");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_gate_overrides_note_id",
                table: "dosing_gate_overrides",
                column: "note_id");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_gate_overrides_patient_id",
                table: "dosing_gate_overrides",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_gate_overrides_prescriber_id",
                table: "dosing_gate_overrides",
                column: "prescriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_sessions_appointment_id",
                table: "dosing_sessions",
                column: "appointment_id",
                unique: true,
                filter: "appointment_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_sessions_pre_dose_cssrs_measure_id",
                table: "dosing_sessions",
                column: "pre_dose_cssrs_measure_id");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_sessions_prescriber_id",
                table: "dosing_sessions",
                column: "prescriber_id");

            migrationBuilder.CreateIndex(
                name: "ix_dosing_sessions_protocol_id",
                table: "dosing_sessions",
                column: "protocol_id");

            migrationBuilder.CreateIndex(
                name: "ix_rems_submissions_patient_id",
                table: "rems_submissions",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_rems_submissions_recorded_by",
                table: "rems_submissions",
                column: "recorded_by");

            migrationBuilder.CreateIndex(
                name: "ix_vitals_readings_note_id_taken_at",
                table: "vitals_readings",
                columns: new[] { "note_id", "taken_at" });

            migrationBuilder.CreateIndex(
                name: "ix_vitals_readings_patient_id",
                table: "vitals_readings",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_vitals_readings_recorded_by",
                table: "vitals_readings",
                column: "recorded_by");

            migrationBuilder.AddForeignKey(
                name: "fk_integration_notes_dosing_sessions_follows_dosing_session_id",
                table: "integration_notes",
                column: "follows_dosing_session_id",
                principalTable: "dosing_sessions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // A signed session never changes, nor do its child rows; TRUNCATE is refused on all of them.
            migrationBuilder.Sql(ClinicalNotesLocked.ProtectNoteTable("dosing_sessions"));
            foreach (var table in DosingChildTables)
            {
                migrationBuilder.Sql(ClinicalNotesLocked.ProtectNoteChildTable(table));
            }

            foreach (var table in DosingChildTables.Prepend("dosing_sessions"))
            {
                migrationBuilder.Sql(ClinicalNotesLocked.RefuseTruncate(table));
            }

            // A REMS submission is recorded once and never changed.
            migrationBuilder.Sql("""
                CREATE TRIGGER rems_submissions_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON rems_submissions
                    FOR EACH ROW EXECUTE FUNCTION note_signatures_append_only();
                """);
            migrationBuilder.Sql(ClinicalNotesLocked.RefuseTruncate("rems_submissions"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ClinicalNotesLocked.AllowTruncate("rems_submissions"));
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS rems_submissions_no_update_or_delete ON rems_submissions;");
            foreach (var table in DosingChildTables.Prepend("dosing_sessions"))
            {
                migrationBuilder.Sql(ClinicalNotesLocked.AllowTruncate(table));
            }

            foreach (var table in DosingChildTables)
            {
                migrationBuilder.Sql(ClinicalNotesLocked.UnprotectNoteChildTable(table));
            }

            migrationBuilder.Sql(ClinicalNotesLocked.UnprotectNoteTable("dosing_sessions"));

            migrationBuilder.DropForeignKey(
                name: "fk_integration_notes_dosing_sessions_follows_dosing_session_id",
                table: "integration_notes");

            migrationBuilder.DropTable(
                name: "adverse_events");

            migrationBuilder.DropTable(
                name: "dosing_gate_overrides");

            migrationBuilder.DropTable(
                name: "rems_submissions");

            migrationBuilder.DropTable(
                name: "vitals_readings");

            migrationBuilder.DropTable(
                name: "dose_administrations");

            migrationBuilder.DropTable(
                name: "dosing_sessions");

            migrationBuilder.DropIndex(
                name: "ix_integration_notes_follows_dosing_session_id",
                table: "integration_notes");

            migrationBuilder.DropColumn(
                name: "dosing_alert_diastolic_above",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_alert_heart_rate_above",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_alert_sp_o2below",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_alert_systolic_above",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_esketamine_minimum_monitoring_minutes",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_flag_diastolic",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_flag_systolic",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_hold_diastolic",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_hold_heart_rate_above",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_hold_sp_o2below",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_hold_systolic",
                table: "clinic_settings");

            migrationBuilder.DropColumn(
                name: "dosing_post_infusion_interval_minutes",
                table: "clinic_settings");
        }
    }
}
