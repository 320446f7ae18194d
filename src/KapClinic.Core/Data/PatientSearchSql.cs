namespace KapClinic.Core.Data;

/// <summary>SQL used by migrations for patient search.</summary>
public static class PatientSearchSql
{
    public const string CreateUnaccentFunction = """
        CREATE OR REPLACE FUNCTION kap_unaccent(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
        """;

    public const string DropUnaccentFunction = "DROP FUNCTION IF EXISTS kap_unaccent(text);";

    public const string NextMrnFunction = "kap_next_mrn";

    /// <summary>
    /// The next MRN: "KAP-" and at least six digits (KAP-000123, then KAP-1000000 past a million; a plain
    /// lpad would truncate and collide).
    /// </summary>
    public const string CreateNextMrnFunction = """
        CREATE OR REPLACE FUNCTION kap_next_mrn() RETURNS text LANGUAGE sql VOLATILE AS $$
            SELECT 'KAP-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END
            FROM (SELECT nextval('patient_mrn_seq') AS n) AS next
        $$;
        """;

    public const string DropNextMrnFunction = "DROP FUNCTION IF EXISTS kap_next_mrn();";
}
