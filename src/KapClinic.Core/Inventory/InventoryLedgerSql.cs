namespace KapClinic.Core.Inventory;

/// <summary>
/// The database's half of the ledger rules (used by the Inventory migration). Every ledger insert changes its lot's
/// balance in the same statement (a row lock on the lot serialises racing entries) and records the balance after;
/// lots.balance has CHECK (balance &gt;= 0), so an entry that would overdraw fails and its transaction rolls back.
/// A count reads the expected balance instead. Ledger rows are never updated or deleted; lots.balance is never
/// written except by the ledger; a closed lot or an expired one (for administrations) takes no entries.
/// </summary>
public static class InventoryLedgerSql
{
    public const string Create = """
        CREATE FUNCTION inventory_ledger_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            lot record;
        BEGIN
            SELECT id, is_closed, expires_on, balance INTO lot FROM inventory_lots WHERE id = NEW.lot_id FOR UPDATE;
            IF lot.is_closed THEN
                RAISE EXCEPTION 'lot % is closed: no more ledger entries', NEW.lot_id USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Administered' AND lot.expires_on < (NEW.recorded_at AT TIME ZONE 'UTC')::date THEN
                RAISE EXCEPTION 'lot % expired on %', NEW.lot_id, lot.expires_on USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Count' THEN
                NEW.expected_units := lot.balance;
                NEW.balance_after := lot.balance;
            ELSE
                PERFORM set_config('kapclinic.ledger_write', 'on', true);
                UPDATE inventory_lots SET balance = balance + NEW.delta WHERE id = NEW.lot_id RETURNING balance INTO NEW.balance_after;
                PERFORM set_config('kapclinic.ledger_write', 'off', true);
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER inventory_ledger_apply BEFORE INSERT ON inventory_ledger
            FOR EACH ROW EXECUTE FUNCTION inventory_ledger_apply();

        CREATE FUNCTION inventory_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the controlled-substance ledger is append-only: % is not allowed (record a correcting entry)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER inventory_ledger_no_update_or_delete BEFORE UPDATE OR DELETE ON inventory_ledger
            FOR EACH ROW EXECUTE FUNCTION inventory_ledger_append_only();
        CREATE TRIGGER inventory_ledger_no_truncate BEFORE TRUNCATE ON inventory_ledger
            FOR EACH STATEMENT EXECUTE FUNCTION inventory_ledger_append_only();
        CREATE TRIGGER inventory_lots_no_truncate BEFORE TRUNCATE ON inventory_lots
            FOR EACH STATEMENT EXECUTE FUNCTION inventory_ledger_append_only();

        CREATE FUNCTION inventory_lots_balance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'lots are never deleted' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'INSERT' AND NEW.balance <> 0 THEN
                RAISE EXCEPTION 'a lot starts empty: its receipt is a ledger entry' USING ERRCODE = 'check_violation';
            END IF;
            IF TG_OP = 'UPDATE' AND NEW.balance IS DISTINCT FROM OLD.balance
               AND coalesce(current_setting('kapclinic.ledger_write', true), 'off') <> 'on' THEN
                RAISE EXCEPTION 'a lot''s balance changes only through the ledger' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.is_closed AND NOT NEW.is_closed THEN
                RAISE EXCEPTION 'a closed lot stays closed' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER inventory_lots_balance_guard BEFORE INSERT OR UPDATE OR DELETE ON inventory_lots
            FOR EACH ROW EXECUTE FUNCTION inventory_lots_balance_guard();
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS inventory_lots_balance_guard ON inventory_lots;
        DROP FUNCTION IF EXISTS inventory_lots_balance_guard();
        DROP TRIGGER IF EXISTS inventory_lots_no_truncate ON inventory_lots;
        DROP TRIGGER IF EXISTS inventory_ledger_no_truncate ON inventory_ledger;
        DROP TRIGGER IF EXISTS inventory_ledger_no_update_or_delete ON inventory_ledger;
        DROP FUNCTION IF EXISTS inventory_ledger_append_only();
        DROP TRIGGER IF EXISTS inventory_ledger_apply ON inventory_ledger;
        DROP FUNCTION IF EXISTS inventory_ledger_apply();
        """;

    /// <summary>
    /// The LotExpiryInClinicZone migration: a lot is good through its expiry date in the clinic's time zone (not UTC's),
    /// so an evening dose on the expiry day is accepted, as the dose page offers it.
    /// </summary>
    public const string ExpiryInClinicZone = """
        CREATE OR REPLACE FUNCTION inventory_ledger_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            lot record;
        BEGIN
            SELECT id, is_closed, expires_on, balance INTO lot FROM inventory_lots WHERE id = NEW.lot_id FOR UPDATE;
            IF lot.is_closed THEN
                RAISE EXCEPTION 'lot % is closed: no more ledger entries', NEW.lot_id USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Administered' AND lot.expires_on < (NEW.recorded_at AT TIME ZONE coalesce(
                (SELECT time_zone_id FROM clinic_settings WHERE id = 1), 'UTC'))::date THEN
                RAISE EXCEPTION 'lot % expired on %', NEW.lot_id, lot.expires_on USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Count' THEN
                NEW.expected_units := lot.balance;
                NEW.balance_after := lot.balance;
            ELSE
                PERFORM set_config('kapclinic.ledger_write', 'on', true);
                UPDATE inventory_lots SET balance = balance + NEW.delta WHERE id = NEW.lot_id RETURNING balance INTO NEW.balance_after;
                PERFORM set_config('kapclinic.ledger_write', 'off', true);
            END IF;
            RETURN NEW;
        END
        $$;
        """;

    /// <summary>Back to the Inventory migration's function (expiry by the UTC date).</summary>
    public const string ExpiryInUtc = """
        CREATE OR REPLACE FUNCTION inventory_ledger_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            lot record;
        BEGIN
            SELECT id, is_closed, expires_on, balance INTO lot FROM inventory_lots WHERE id = NEW.lot_id FOR UPDATE;
            IF lot.is_closed THEN
                RAISE EXCEPTION 'lot % is closed: no more ledger entries', NEW.lot_id USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Administered' AND lot.expires_on < (NEW.recorded_at AT TIME ZONE 'UTC')::date THEN
                RAISE EXCEPTION 'lot % expired on %', NEW.lot_id, lot.expires_on USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Count' THEN
                NEW.expected_units := lot.balance;
                NEW.balance_after := lot.balance;
            ELSE
                PERFORM set_config('kapclinic.ledger_write', 'on', true);
                UPDATE inventory_lots SET balance = balance + NEW.delta WHERE id = NEW.lot_id RETURNING balance INTO NEW.balance_after;
                PERFORM set_config('kapclinic.ledger_write', 'off', true);
            END IF;
            RETURN NEW;
        END
        $$;
        """;

    /// <summary>
    /// The InventoryGuardsHardened migration: a lot's balance changes only inside the ledger trigger (the lots guard
    /// runs nested in it: pg_trigger_depth() &gt; 1), not whenever a session sets kapclinic.ledger_write; a lot's
    /// receipt (product, lot number, expiry, supplier, invoice, date, quantity and who received it) is never updated;
    /// the ledger function no longer sets that setting (expiry still read in the clinic's zone).
    /// </summary>
    public const string GuardsHardened = """
        CREATE OR REPLACE FUNCTION inventory_lots_balance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'lots are never deleted' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'INSERT' AND NEW.balance <> 0 THEN
                RAISE EXCEPTION 'a lot starts empty: its receipt is a ledger entry' USING ERRCODE = 'check_violation';
            END IF;
            IF TG_OP = 'UPDATE' AND NEW.balance IS DISTINCT FROM OLD.balance AND pg_trigger_depth() <= 1 THEN
                RAISE EXCEPTION 'a lot''s balance changes only through the ledger' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'UPDATE' AND (NEW.id, NEW.product_id, NEW.lot_number, NEW.expires_on, NEW.supplier_name, NEW.supplier_address,
                    NEW.supplier_dea_number, NEW.invoice_number, NEW.received_on, NEW.quantity_received, NEW.received_by, NEW.created_at)
                IS DISTINCT FROM (OLD.id, OLD.product_id, OLD.lot_number, OLD.expires_on, OLD.supplier_name, OLD.supplier_address,
                    OLD.supplier_dea_number, OLD.invoice_number, OLD.received_on, OLD.quantity_received, OLD.received_by, OLD.created_at) THEN
                RAISE EXCEPTION 'a lot''s receipt is never changed: record a correcting ledger entry' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.is_closed AND NOT NEW.is_closed THEN
                RAISE EXCEPTION 'a closed lot stays closed' USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END
        $$;

        CREATE OR REPLACE FUNCTION inventory_ledger_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            lot record;
        BEGIN
            SELECT id, is_closed, expires_on, balance INTO lot FROM inventory_lots WHERE id = NEW.lot_id FOR UPDATE;
            IF lot.is_closed THEN
                RAISE EXCEPTION 'lot % is closed: no more ledger entries', NEW.lot_id USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Administered' AND lot.expires_on < (NEW.recorded_at AT TIME ZONE coalesce(
                (SELECT time_zone_id FROM clinic_settings WHERE id = 1), 'UTC'))::date THEN
                RAISE EXCEPTION 'lot % expired on %', NEW.lot_id, lot.expires_on USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.kind = 'Count' THEN
                NEW.expected_units := lot.balance;
                NEW.balance_after := lot.balance;
            ELSE
                UPDATE inventory_lots SET balance = balance + NEW.delta WHERE id = NEW.lot_id RETURNING balance INTO NEW.balance_after;
            END IF;
            RETURN NEW;
        END
        $$;
        """;

    /// <summary>Back to the guards before InventoryGuardsHardened: the Inventory migration's lots guard and the LotExpiryInClinicZone ledger function.</summary>
    public const string GuardsBeforeHardening = """
        CREATE OR REPLACE FUNCTION inventory_lots_balance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'lots are never deleted' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'INSERT' AND NEW.balance <> 0 THEN
                RAISE EXCEPTION 'a lot starts empty: its receipt is a ledger entry' USING ERRCODE = 'check_violation';
            END IF;
            IF TG_OP = 'UPDATE' AND NEW.balance IS DISTINCT FROM OLD.balance
               AND coalesce(current_setting('kapclinic.ledger_write', true), 'off') <> 'on' THEN
                RAISE EXCEPTION 'a lot''s balance changes only through the ledger' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.is_closed AND NOT NEW.is_closed THEN
                RAISE EXCEPTION 'a closed lot stays closed' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $$;

        """ + ExpiryInClinicZone;
}
