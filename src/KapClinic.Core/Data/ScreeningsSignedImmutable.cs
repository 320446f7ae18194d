namespace KapClinic.Core.Data;

/// <summary>
/// SQL used by migrations: screening versions are append-only whatever the client. A row is never deleted; an
/// unsigned row may only gain a signature; a signed row never changes.
/// </summary>
public static class ScreeningsSignedImmutable
{
    public const string Create = """
        CREATE FUNCTION screenings_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'screenings are append-only: DELETE is not allowed'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF OLD.signed_at IS NOT NULL THEN
                RAISE EXCEPTION 'screening version % is signed and cannot be changed', OLD.id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF (NEW.id, NEW.patient_id, NEW.version_number, NEW.responses, NEW.result, NEW.reasons, NEW.created_by, NEW.created_at)
                IS DISTINCT FROM
               (OLD.id, OLD.patient_id, OLD.version_number, OLD.responses, OLD.result, OLD.reasons, OLD.created_by, OLD.created_at) THEN
                RAISE EXCEPTION 'screening version % cannot be changed, only signed: save a new version instead', OLD.id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER screenings_append_only
            BEFORE UPDATE OR DELETE ON screenings
            FOR EACH ROW EXECUTE FUNCTION screenings_guard();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS screenings_append_only ON screenings;
        DROP FUNCTION IF EXISTS screenings_guard();
        """;
}
