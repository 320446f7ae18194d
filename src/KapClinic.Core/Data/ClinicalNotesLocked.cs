namespace KapClinic.Core.Data;

/// <summary>
/// SQL used by migrations: the database's half of "a signed note never changes". A signed clinical_notes row
/// refuses any UPDATE or DELETE; so does the row of each kind's own table (preparation_sessions, and later
/// integration and dosing notes: add them with <see cref="ProtectNoteTable"/>). Addenda and co-signatures are
/// append-only and may only be written for a signed note; a co-signature never by the author. Co-signatures live
/// in their own table so a signed row is never updated at all: the rule stays "no update, ever", with no list
/// of columns that may still change to keep in step with the schema.
/// </summary>
public static class ClinicalNotesLocked
{
    public const string Create = """
        CREATE FUNCTION clinical_notes_signed_lock() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.signed_at IS NOT NULL THEN
                RAISE EXCEPTION 'clinical note % is signed: % is not allowed (add an addendum instead)', OLD.id, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER clinical_notes_signed_no_update_or_delete
            BEFORE UPDATE OR DELETE ON clinical_notes
            FOR EACH ROW EXECUTE FUNCTION clinical_notes_signed_lock();

        CREATE FUNCTION clinical_note_detail_signed_lock() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM clinical_notes WHERE id = OLD.id AND signed_at IS NOT NULL) THEN
                RAISE EXCEPTION 'clinical note % is signed: % on % is not allowed (add an addendum instead)', OLD.id, TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $$;

        CREATE FUNCTION note_signatures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;

        CREATE FUNCTION note_signatures_require_signed_note() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            signer uuid;
        BEGIN
            IF TG_TABLE_NAME = 'note_cosignatures' THEN
                signer := NEW.supervisor_id;
            END IF;
            IF NOT EXISTS (
                SELECT 1 FROM clinical_notes
                WHERE id = NEW.note_id AND signed_at IS NOT NULL AND (signer IS NULL OR author_id <> signer)) THEN
                RAISE EXCEPTION '% needs a signed note % (and a co-signer who is not its author)', TG_TABLE_NAME, NEW.note_id
                    USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END
        $$;

        CREATE TRIGGER note_addenda_no_update_or_delete
            BEFORE UPDATE OR DELETE ON note_addenda
            FOR EACH ROW EXECUTE FUNCTION note_signatures_append_only();
        CREATE TRIGGER note_addenda_no_truncate
            BEFORE TRUNCATE ON note_addenda
            FOR EACH STATEMENT EXECUTE FUNCTION note_signatures_append_only();
        CREATE TRIGGER note_addenda_signed_note_only
            BEFORE INSERT ON note_addenda
            FOR EACH ROW EXECUTE FUNCTION note_signatures_require_signed_note();

        CREATE TRIGGER note_cosignatures_no_update_or_delete
            BEFORE UPDATE OR DELETE ON note_cosignatures
            FOR EACH ROW EXECUTE FUNCTION note_signatures_append_only();
        CREATE TRIGGER note_cosignatures_no_truncate
            BEFORE TRUNCATE ON note_cosignatures
            FOR EACH STATEMENT EXECUTE FUNCTION note_signatures_append_only();
        CREATE TRIGGER note_cosignatures_signed_note_only
            BEFORE INSERT ON note_cosignatures
            FOR EACH ROW EXECUTE FUNCTION note_signatures_require_signed_note();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS note_cosignatures_signed_note_only ON note_cosignatures;
        DROP TRIGGER IF EXISTS note_cosignatures_no_truncate ON note_cosignatures;
        DROP TRIGGER IF EXISTS note_cosignatures_no_update_or_delete ON note_cosignatures;
        DROP TRIGGER IF EXISTS note_addenda_signed_note_only ON note_addenda;
        DROP TRIGGER IF EXISTS note_addenda_no_truncate ON note_addenda;
        DROP TRIGGER IF EXISTS note_addenda_no_update_or_delete ON note_addenda;
        DROP TRIGGER IF EXISTS clinical_notes_signed_no_update_or_delete ON clinical_notes;
        DROP FUNCTION IF EXISTS note_signatures_require_signed_note();
        DROP FUNCTION IF EXISTS note_signatures_append_only();
        DROP FUNCTION IF EXISTS clinical_note_detail_signed_lock();
        DROP FUNCTION IF EXISTS clinical_notes_signed_lock();
        """;

    /// <summary>The lock on one kind's own table (its id is the clinical_notes id). Run after <see cref="Create"/>.</summary>
    public static string ProtectNoteTable(string table) => $"""
        CREATE TRIGGER {table}_signed_no_update_or_delete
            BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION clinical_note_detail_signed_lock();
        """;

    public static string UnprotectNoteTable(string table) => $"DROP TRIGGER IF EXISTS {table}_signed_no_update_or_delete ON {table};";

    /// <summary>
    /// TRUNCATE skips row triggers, so a table that holds signed notes (or their parts) also refuses it outright.
    /// Run after <see cref="Create"/> (uses its note_signatures_append_only function).
    /// </summary>
    public static string RefuseTruncate(string table) => $"""
        CREATE TRIGGER {table}_no_truncate
            BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION note_signatures_append_only();
        """;

    public static string AllowTruncate(string table) => $"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};";

    /// <summary>
    /// The tables the NotesRefuseTruncateWaitlistVersion migration protected with <see cref="RefuseTruncate"/>. Frozen:
    /// that migration reads it, so a later table gets its trigger in its own migration (as dosing_sessions does).
    /// </summary>
    public static IReadOnlyList<string> NoteTables { get; } = ["clinical_notes", "preparation_sessions", "integration_notes", "integration_homework_items"];

    /// <summary>
    /// The lock for child rows of a note (a note_id column, e.g. integration homework): no insert, update or delete
    /// once their note is signed, and no moving a row onto a signed note. So a note and its children are written as
    /// a draft first and signed after (in one transaction).
    /// </summary>
    public const string CreateChildLock = """
        CREATE FUNCTION clinical_note_child_signed_lock() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM clinical_notes WHERE id = OLD.note_id AND signed_at IS NOT NULL) THEN
                RAISE EXCEPTION 'clinical note % is signed: % on % is not allowed (add an addendum instead)', OLD.note_id, TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM clinical_notes WHERE id = NEW.note_id AND signed_at IS NOT NULL) THEN
                RAISE EXCEPTION 'clinical note % is signed: % on % is not allowed (add an addendum instead)', NEW.note_id, TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $$;
        """;

    public const string DropChildLock = "DROP FUNCTION IF EXISTS clinical_note_child_signed_lock();";

    /// <summary>The lock on a table of a note's child rows. Run after <see cref="CreateChildLock"/>.</summary>
    public static string ProtectNoteChildTable(string table) => $"""
        CREATE TRIGGER {table}_signed_note_locked
            BEFORE INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION clinical_note_child_signed_lock();
        """;

    public static string UnprotectNoteChildTable(string table) => $"DROP TRIGGER IF EXISTS {table}_signed_note_locked ON {table};";
}
