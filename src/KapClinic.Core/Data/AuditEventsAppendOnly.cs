namespace KapClinic.Core.Data;

/// <summary>SQL used by migrations: triggers that make audit_events append-only whatever the client.</summary>
public static class AuditEventsAppendOnly
{
    public const string Create = """
        CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER audit_events_no_update_or_delete
            BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
        CREATE TRIGGER audit_events_no_truncate
            BEFORE TRUNCATE ON audit_events
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
        DROP TRIGGER IF EXISTS audit_events_no_update_or_delete ON audit_events;
        DROP FUNCTION IF EXISTS audit_events_append_only();
        """;
}
