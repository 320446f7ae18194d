namespace KapClinic.Core.Data;

/// <summary>
/// SQL for the owner/app role split (migration AppRoleGrants). Migrations run as the database owner; the app can run
/// as <see cref="AppRole"/>, which may read and write the clinic's tables but can never UPDATE, DELETE or TRUNCATE the
/// audit trail or the controlled-substance ledger (the triggers refuse those too; the grants make it two locks). Tables
/// made by later migrations get the same rights through the owner's default privileges; a later append-only table
/// revokes UPDATE and DELETE in its own migration.
/// </summary>
public static class AppRoleSql
{
    public const string AppRole = "kapclinic_app";

    public const string Create = $"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} NOLOGIN;
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database of the same server made it at the same moment
        END
        $$;
        GRANT USAGE ON SCHEMA public TO {AppRole};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AppRole};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {AppRole};
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {AppRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {AppRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {AppRole};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, inventory_ledger FROM {AppRole};
        REVOKE ALL ON "__EFMigrationsHistory" FROM {AppRole};
        GRANT SELECT ON "__EFMigrationsHistory" TO {AppRole};
        """;

    public const string Drop = $"""
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM {AppRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM {AppRole};
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {AppRole};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {AppRole};
        REVOKE ALL ON SCHEMA public FROM {AppRole};
        """;
}
