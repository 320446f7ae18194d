namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>Settings under "Startup" in configuration.</summary>
public sealed class StartupOptions
{
    public const string Section = "Startup";

    /// <summary>
    /// Apply migrations when the app starts. Operators who run the idempotent SQL script themselves turn it off.
    /// </summary>
    public bool MigrateDatabase { get; set; } = true;

    /// <summary>Seed demo users on an empty database. Honoured only in Development.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How often new audit rows are sealed into the hash chain, in seconds.</summary>
    public int AuditSealIntervalSeconds { get; set; } = 5;

    /// <summary>How often form idempotency keys older than 24 hours are deleted, in minutes.</summary>
    public int IdempotencyPruneIntervalMinutes { get; set; } = 60;
}
