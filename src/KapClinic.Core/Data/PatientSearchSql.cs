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
}
