namespace KapClinic.LoadSupport;

/// <summary>How <see cref="AppProcess"/> starts the app.</summary>
public sealed record AppProcessOptions
{
    /// <summary>The app role's connection string (ConnectionStrings:KapClinic).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The owner's connection string (migrations at start-up); null: the app's own connection migrates.</summary>
    public string? OwnerConnectionString { get; init; }

    /// <summary>The built app; null: src/KapClinic.Web/bin/Release/net10.0/KapClinic.Web.dll of this repository.</summary>
    public string? AppDll { get; init; }

    /// <summary>Loopback port; 0: a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Not Development (no demo data, no developer pages) and not Production (which insists on HTTPS, a key certificate
    /// and __Host- cookies): everything else is as deployed.
    /// </summary>
    public string Environment { get; init; } = "Staging";

    /// <summary>Where the app's console output goes; null: a file in the temp directory.</summary>
    public string? LogFile { get; init; }

    /// <summary>Further configuration, as environment variables (Section__Key).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
