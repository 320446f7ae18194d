namespace KapClinic.Core.Data;

/// <summary>
/// SQL for the audit hash chain (migration AuditHashChain). Rows are inserted as before, unsealed, so writes never
/// queue behind one chain lock; <c>kap_audit_seal</c> (run every few seconds by the app, once across instances thanks
/// to an advisory lock) gives each unsealed row, oldest first, the next chain number, the previous row's hash and its
/// own hash: SHA-256 over the previous hash and the row's fields. The append-only trigger allows exactly that one
/// change (chain columns from empty to set, by the owner through the SECURITY DEFINER function) and nothing else.
/// <c>kap_audit_verify</c> recomputes every link; an altered, inserted-between or deleted row breaks one.
/// </summary>
public static class AuditChainSql
{
    public const string Create = """
        ALTER TABLE audit_events ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN row_hash bytea;
        CREATE UNIQUE INDEX ix_audit_events_chain_seq ON audit_events (chain_seq) WHERE chain_seq IS NOT NULL;
        CREATE INDEX ix_audit_events_unsealed ON audit_events (occurred_at, id) WHERE row_hash IS NULL;
        CREATE SEQUENCE audit_events_chain_seq AS bigint;

        -- The fields a row's hash covers, in a fixed text form (UTC microseconds, unit separators, NULL as empty).
        CREATE FUNCTION kap_audit_row_hash(prev bytea, seq bigint, e audit_events) RETURNS bytea
        LANGUAGE sql STABLE AS $$
            SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(chr(31),
                seq::text, e.id::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                coalesce(e.user_id::text, ''), e.action, e.outcome::text, coalesce(e.remote_ip, ''),
                coalesce(e.entity_type, ''), coalesce(e.entity_id::text, ''), coalesce(e.patient_id::text, ''),
                coalesce(e.detail, '')), 'UTF8'))
        $$;

        CREATE FUNCTION kap_audit_seal(max_rows integer) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            last_hash bytea;
            r audit_events;
            n integer := 0;
            seq bigint;
        BEGIN
            IF NOT pg_try_advisory_xact_lock(hashtext('kapclinic.audit_chain')) THEN
                RETURN 0; -- another instance is sealing right now
            END IF;
            SELECT row_hash INTO last_hash FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
            FOR r IN SELECT * FROM audit_events WHERE row_hash IS NULL ORDER BY occurred_at, id LIMIT max_rows LOOP
                seq := nextval('audit_events_chain_seq');
                UPDATE audit_events
                   SET chain_seq = seq, prev_hash = last_hash, row_hash = kap_audit_row_hash(last_hash, seq, r)
                 WHERE id = r.id
                RETURNING row_hash INTO last_hash;
                n := n + 1;
            END LOOP;
            RETURN n;
        END
        $$;

        -- One row per broken link (empty when the chain is intact), in chain order.
        CREATE FUNCTION kap_audit_verify() RETURNS TABLE (chain_seq bigint, id uuid, problem text)
        LANGUAGE sql STABLE AS $$
            SELECT (c.a).chain_seq, (c.a).id,
                   CASE WHEN (c.a).prev_hash IS DISTINCT FROM c.expected_prev
                        THEN 'link to the previous row broken (a row was removed or added before it)'
                        ELSE 'hash does not match the row (the row was changed)' END
              FROM (SELECT a, lag(a.row_hash) OVER (ORDER BY a.chain_seq) AS expected_prev
                      FROM audit_events a WHERE a.chain_seq IS NOT NULL) c
             WHERE (c.a).prev_hash IS DISTINCT FROM c.expected_prev
                OR (c.a).row_hash IS DISTINCT FROM kap_audit_row_hash((c.a).prev_hash, (c.a).chain_seq, c.a)
             ORDER BY 1
        $$;

        CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- The one allowed change: sealing an unsealed row, from inside kap_audit_seal (the trigger depth is 1
            -- under its UPDATE; a client's own UPDATE is depth 1 too, so the row's other fields must be unchanged
            -- and the hash must be the right one: a forged seal would need the true chain anyway).
            IF TG_OP = 'UPDATE' AND OLD.row_hash IS NULL AND NEW.row_hash IS NOT NULL
               AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at AND NEW.user_id IS NOT DISTINCT FROM OLD.user_id
               AND NEW.action = OLD.action AND NEW.outcome = OLD.outcome AND NEW.remote_ip IS NOT DISTINCT FROM OLD.remote_ip
               AND NEW.entity_type IS NOT DISTINCT FROM OLD.entity_type AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
               AND NEW.patient_id IS NOT DISTINCT FROM OLD.patient_id AND NEW.detail IS NOT DISTINCT FROM OLD.detail
               AND NEW.row_hash = kap_audit_row_hash(NEW.prev_hash, NEW.chain_seq, OLD) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;

        -- A DO block, not a bare SELECT: `./build.sh sql` wraps each migration in PL/pgSQL, where a SELECT needs a target.
        DO $seal$ BEGIN PERFORM kap_audit_seal(2147483647); END $seal$;
        """;

    public const string Drop = """
        CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        DROP FUNCTION IF EXISTS kap_audit_verify();
        DROP FUNCTION IF EXISTS kap_audit_seal(integer);
        DROP FUNCTION IF EXISTS kap_audit_row_hash(bytea, bigint, audit_events);
        DROP SEQUENCE IF EXISTS audit_events_chain_seq;
        DROP INDEX IF EXISTS ix_audit_events_unsealed;
        DROP INDEX IF EXISTS ix_audit_events_chain_seq;
        ALTER TABLE audit_events DROP COLUMN IF EXISTS chain_seq, DROP COLUMN IF EXISTS prev_hash, DROP COLUMN IF EXISTS row_hash;
        """;
}
