using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.TestSupport;

/// <summary>
/// One real PostgreSQL server per test run. By default a throwaway cluster (initdb into a temp directory, on a
/// free loopback port, stopped and deleted when the test process exits). Set KAPCLINIC_TEST_POSTGRES to an admin
/// connection string (e.g. "Host=127.0.0.1;Port=5432;Username=postgres;Password=...") to use a server you run instead.
/// Each test class gets its own database, copied from a migrated template in a few milliseconds.
/// </summary>
public sealed class PostgresServer
{
    public const string ServerVariable = "KAPCLINIC_TEST_POSTGRES";

    // Per process, so test projects running at once against a shared server do not collide.
    private static readonly string TemplateDatabase = $"kapclinic_template_{Environment.ProcessId}";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static int databaseCounter;

    private readonly string adminConnectionString;

    private PostgresServer(string adminConnectionString) => this.adminConnectionString = adminConnectionString;

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A new database with the current schema (migrated) and no data but the fixed roles.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"test_{Sanitize(purpose)}_{Interlocked.Increment(ref databaseCounter)}_{Environment.ProcessId}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {TemplateDatabase}");
        return ConnectionString(name);
    }

    /// <summary>A new, empty database (no schema at all), e.g. to prove migrations apply from nothing.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string purpose)
    {
        var name = $"empty_{Sanitize(purpose)}_{Interlocked.Increment(ref databaseCounter)}_{Environment.ProcessId}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        var server = new PostgresServer(string.IsNullOrWhiteSpace(configured) ? await ThrowawayCluster.StartAsync() : configured);
        await server.CreateTemplateAsync();
        return server;
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateDatabase}");
        await ExecuteAsync($"CREATE DATABASE {TemplateDatabase}");

        // No pooling: CREATE DATABASE ... TEMPLATE refuses while any session is connected to the template.
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString(TemplateDatabase)) { Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<KapClinicDbContext>()
            .UseNpgsql(connection)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new AuditingInterceptor(new SystemAuditContext(), TimeProvider.System))
            .Options;
        await using var db = new KapClinicDbContext(options);
        await DatabaseMigrator.MigrateAsync(db);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());

    /// <summary>initdb + pg_ctl, as the postgres OS user when running as root (the server refuses root).</summary>
    private static class ThrowawayCluster
    {
        public static async Task<string> StartAsync()
        {
            var bin = FindPostgresBin();
            SweepStaleClusters();
            var root = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Guid.NewGuid():N}");
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(root);
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                await RunAsync("chown", $"postgres:postgres {root}");
            }

            await RunPostgresToolAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
            var port = FreePort();
            var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            await RunPostgresToolAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(root, "server.log")} -w -t 60 -o \"{settings}\" start");

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    RunPostgresToolAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop").GetAwaiter().GetResult();
                    Directory.Delete(root, recursive: true);
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
                {
                    // Best effort at exit; the next run's sweep removes what is left (a killed run leaves it all).
                }
            };
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
        }

        private const string DirectoryPrefix = "kapclinic-test-pg-";

        /// <summary>
        /// Removes clusters left by runs that were killed (each holds a gigabyte or more): those whose server is no
        /// longer running and that nobody touched for 10 minutes (so a run starting next to us is left alone).
        /// </summary>
        private static void SweepStaleClusters()
        {
            foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
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

        private static string FindPostgresBin()
        {
            var fromEnv = Environment.GetEnvironmentVariable("KAPCLINIC_PG_BIN");
            if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "initdb")))
            {
                return fromEnv;
            }

            var debian = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
                    .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
                : null;
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
            return debian ?? onPath ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian: apt-get install -y postgresql) " +
                $"or run ./build.sh test, or set {ServerVariable} to a server's admin connection string.");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static Task RunPostgresToolAsync(bool asRoot, string tool, string arguments) =>
            asRoot ? RunAsync("runuser", $"-u postgres -- {tool} {arguments}") : RunAsync(tool, arguments);

        private static async Task RunAsync(string fileName, string arguments)
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
        }
    }
}
