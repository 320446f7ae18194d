using System.Diagnostics;
using KapClinic.Web.Infrastructure.Cli;
using Npgsql;

namespace KapClinic.TestSupport;

/// <summary>
/// A private PostgreSQL server that this process controls: initdb, start, stop, restart, cut connections, delete.
/// Used for the test run's shared server (<see cref="PostgresServer"/>), for tests that need a database outage, and by
/// the bench and soak tools. Runs the server as the postgres OS user when this process is root (the server refuses root).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>Throwaway clusters live under the temp directory with this prefix (swept when left by a killed run).</summary>
    public const string TemporaryPrefix = "kapclinic-test-pg-";

    private readonly PostgresClusterOptions options;
    private readonly bool asRoot = Environment.UserName == "root";
    private int disposed;

    private PostgresCluster(string root, string bin, int port, PostgresClusterOptions options)
    {
        Root = root;
        BinDirectory = bin;
        Port = port;
        this.options = options;
    }

    /// <summary>The cluster's directory (data in <c>data</c>, the server log in <c>server.log</c>).</summary>
    public string Root { get; }

    public string BinDirectory { get; }

    public int Port { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string LogFile => Path.Combine(Root, "server.log");

    /// <summary>Superuser "postgres" over TCP on loopback, trust authentication, database "postgres".</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database, string user = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={user};Database={database};Include Error Detail=true";

    /// <summary>
    /// Creates (or, with <see cref="PostgresClusterOptions.Directory"/> holding a cluster already, reuses) a cluster
    /// and starts it on a free loopback port.
    /// </summary>
    public static async Task<PostgresCluster> StartAsync(PostgresClusterOptions? options = null)
    {
        options ??= new PostgresClusterOptions();
        var bin = FindBin();
        string root;
        if (options.Directory is null)
        {
            SweepStaleClusters();
            root = Path.Combine(Path.GetTempPath(), $"{TemporaryPrefix}{Guid.NewGuid():N}");
        }
        else
        {
            root = Path.GetFullPath(options.Directory);
        }

        var cluster = new PostgresCluster(root, bin, LoopbackPort.Free(), options);
        await cluster.InitializeAsync();
        await cluster.StartServerAsync();
        if (options.Directory is null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAndDeleteAtExit();
        }

        return cluster;
    }

    /// <summary>Starts the stopped server again, on the same port.</summary>
    public Task StartServerAsync()
    {
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections={options.MaxConnections}";
        if (!options.Durable)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        foreach (var (name, value) in options.Settings)
        {
            settings += $" -c {name}={value}";
        }

        return RunToolAsync("pg_ctl", $"-D {DataDirectory} -l {LogFile} -w -t 60 -o \"{settings}\" start");
    }

    /// <summary><c>pg_ctl stop -m fast</c>: sessions are cut, the server is down until <see cref="StartServerAsync"/>.</summary>
    public Task StopServerAsync() => RunToolAsync("pg_ctl", $"-D {DataDirectory} -m fast -w -t 60 stop");

    /// <summary><c>pg_ctl restart -m fast</c>, keeping the port and settings.</summary>
    public async Task RestartServerAsync()
    {
        await StopServerAsync();
        await StartServerAsync();
    }

    /// <summary>Ends every session of the database (or of every database but this caller's), as an operator's pg_terminate_backend would.</summary>
    public async Task<int> TerminateConnectionsAsync(string? database = null)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity " +
            "WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND (@db::text IS NULL OR datname = @db)",
            connection);
        command.Parameters.Add(new NpgsqlParameter("db", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)database ?? DBNull.Value });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a PostgreSQL program from <see cref="BinDirectory"/> (as the postgres OS user when root); returns its standard output.</summary>
    public Task<string> RunToolAsync(string tool, string arguments) =>
        asRoot
            ? RunAsync("runuser", $"-u postgres -- {Path.Combine(BinDirectory, tool)} {arguments}")
            : RunAsync(Path.Combine(BinDirectory, tool), arguments);

    /// <summary>Stops the server; a throwaway cluster (no <see cref="PostgresClusterOptions.Directory"/>) is also deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await RunToolAsync("pg_ctl", $"-D {DataDirectory} -m fast -w -t 60 stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        if (options.Directory is null)
        {
            DeleteQuietly(Root);
        }
    }

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {Root}");
            await RunAsync("chmod", $"700 {Root}");
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await RunToolAsync("initdb", $"-D {DataDirectory} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
        }
        else if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // Left running by an interrupted run: stop it so it starts on our port with our settings.
            await RunToolAsync("pg_ctl", $"-D {DataDirectory} -m fast -w -t 60 stop").ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void StopAndDeleteAtExit()
    {
        try
        {
            RunToolAsync("pg_ctl", $"-D {DataDirectory} -m immediate -w stop").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Stopped already (disposed, or stopped by a test); delete anyway.
        }

        DeleteQuietly(Root);
    }

    private static void DeleteQuietly(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort; the next run's sweep removes what is left.
        }
    }

    /// <summary>
    /// Removes throwaway clusters left by runs that were killed (each holds a gigabyte or more): those whose server is no
    /// longer running and that nobody touched for 10 minutes (so a run starting next to us is left alone).
    /// </summary>
    private static void SweepStaleClusters()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), TemporaryPrefix + "*"))
        {
            try
            {
                var pidFile = Path.Combine(dir, "data", "postmaster.pid");
                var running = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}");
                if (!running && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddMinutes(-10))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run is removing it, or it is not ours to remove.
            }
        }
    }

    private static string FindBin()
    {
        // The app's own lookup (KAPCLINIC_PG_BIN, else the newest /usr/lib/postgresql/*/bin), else the PATH.
        var initdb = PostgresTools.Find("initdb");
        var bin = Path.IsPathRooted(initdb)
            ? Path.GetDirectoryName(initdb)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian: apt-get install -y postgresql) " +
            $"or run ./build.sh test, or set {PostgresServer.ServerVariable} to a server's admin connection string.");
    }

    private static async Task<string> RunAsync(string fileName, string arguments)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"{fileName} {arguments}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {arguments} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }

        return await stdout;
    }
}
