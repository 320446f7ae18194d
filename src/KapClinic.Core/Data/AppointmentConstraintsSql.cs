namespace KapClinic.Core.Data;

/// <summary>
/// No double-booking, held by PostgreSQL itself: a generated tstzrange per appointment and one exclusion
/// constraint each for the room, the clinician and the patient, over non-cancelled appointments. Two people
/// booking the same slot at the same moment cannot both succeed, whatever the application does.
/// </summary>
public static class AppointmentConstraintsSql
{
    public const string RoomConstraint = "ex_appointments_room";
    public const string ClinicianConstraint = "ex_appointments_clinician";
    public const string PatientConstraint = "ex_appointments_patient";

    public const string Create = """
        ALTER TABLE appointments
            ADD COLUMN period tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED;
        ALTER TABLE appointments ADD CONSTRAINT ex_appointments_room
            EXCLUDE USING gist (room_id WITH =, period WITH &&) WHERE (status <> 'Cancelled' AND room_id IS NOT NULL);
        ALTER TABLE appointments ADD CONSTRAINT ex_appointments_clinician
            EXCLUDE USING gist (clinician_id WITH =, period WITH &&) WHERE (status <> 'Cancelled');
        ALTER TABLE appointments ADD CONSTRAINT ex_appointments_patient
            EXCLUDE USING gist (patient_id WITH =, period WITH &&) WHERE (status <> 'Cancelled');
        """;

    public const string Drop = """
        ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ex_appointments_patient;
        ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ex_appointments_clinician;
        ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ex_appointments_room;
        ALTER TABLE appointments DROP COLUMN IF EXISTS period;
        """;
}
