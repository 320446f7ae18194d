namespace KapClinic.Core.Data.Changes;

/// <summary>
/// SQL used by migrations: the triggers that send <see cref="ChangeNotices"/> on <see cref="ChangeNotices.Channel"/>
/// whenever a row a cache holds changes, whoever writes it (pg_notify is delivered at commit, and not at all on
/// rollback). Last-seen writes do not notify: caches expire an entry before its next one is due.
/// </summary>
public static class ChangeNoticesSql
{
    public const string Create = """
        CREATE FUNCTION kapclinic_notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE'
                OR NEW.revoked_at IS DISTINCT FROM OLD.revoked_at
                OR NEW.ticket IS DISTINCT FROM OLD.ticket
                OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
                OR NEW.token_hash IS DISTINCT FROM OLD.token_hash
                OR NEW.user_id IS DISTINCT FROM OLD.user_id THEN
                PERFORM pg_notify('kapclinic_changes', 'session:' || encode(OLD.token_hash, 'hex'));
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER user_sessions_notify_change
            AFTER UPDATE OF revoked_at, ticket, expires_at, token_hash, user_id OR DELETE ON user_sessions
            FOR EACH ROW EXECUTE FUNCTION kapclinic_notify_session_change();

        CREATE FUNCTION kapclinic_notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE'
                OR NEW.security_stamp IS DISTINCT FROM OLD.security_stamp
                OR NEW.is_disabled IS DISTINCT FROM OLD.is_disabled
                OR NEW.id IS DISTINCT FROM OLD.id THEN
                PERFORM pg_notify('kapclinic_changes', 'user:' || OLD.id::text);
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER users_notify_change
            AFTER UPDATE OF security_stamp, is_disabled, id OR DELETE ON users
            FOR EACH ROW EXECUTE FUNCTION kapclinic_notify_user_change();

        CREATE FUNCTION kapclinic_notify_settings_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('kapclinic_changes', 'settings');
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER clinic_settings_notify_change
            AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clinic_settings
            FOR EACH STATEMENT EXECUTE FUNCTION kapclinic_notify_settings_change();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS clinic_settings_notify_change ON clinic_settings;
        DROP FUNCTION IF EXISTS kapclinic_notify_settings_change();
        DROP TRIGGER IF EXISTS users_notify_change ON users;
        DROP FUNCTION IF EXISTS kapclinic_notify_user_change();
        DROP TRIGGER IF EXISTS user_sessions_notify_change ON user_sessions;
        DROP FUNCTION IF EXISTS kapclinic_notify_session_change();
        """;
}
