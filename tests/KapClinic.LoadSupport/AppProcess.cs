using System.Diagnostics;
using System.Globalization;
using System.Net;
using KapClinic.TestSupport;

namespace KapClinic.LoadSupport;

/// <summary>
/// The built app as a real child process on a loopback port (what the bench and soak tools measure): start, wait for
/// /health/ready, read its resident memory, send SIGTERM, and make sure it is gone at the end.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Stopwatch sinceStart;

    private AppProcess(Process process, Uri baseAddress, StreamWriter log, string logFile, Stopwatch sinceStart)
    {
        this.process = process;
        this.log = log;
        this.sinceStart = sinceStart;
        BaseAddress = baseAddress;
        LogFile = logFile;
    }

    public Uri BaseAddress { get; }

    public string LogFile { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>From process start to the first 200 from /health/ready (set by <see cref="WaitUntilReadyAsync"/>).</summary>
    public TimeSpan? StartupTime { get; private set; }

    /// <summary>The repository root (the directory holding KapClinic.sln), found upwards from this tool.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KapClinic.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KapClinic.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Starts the app (it migrates the database at start-up, as in production) without waiting for it.</summary>
    public static AppProcess Start(AppProcessOptions options)
    {
        var dll = options.AppDll ?? Path.Combine(RepositoryRoot(), "src", "KapClinic.Web", "bin", "Release", "net10.0", "KapClinic.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build it first (dotnet build src/KapClinic.Web -c Release).");
        }

        var port = options.Port == 0 ? LoopbackPort.Free() : options.Port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = options.Environment;
        start.Environment["DOTNET_ENVIRONMENT"] = options.Environment;
        start.Environment["ConnectionStrings__KapClinic"] = options.ConnectionString;
        if (options.OwnerConnectionString is not null)
        {
            start.Environment["ConnectionStrings__KapClinicOwner"] = options.OwnerConnectionString;
        }

        start.Environment["Startup__SeedDemoData"] = "false";
        start.Environment["Security__AllowInsecureCookies"] = "true"; // plain HTTP on loopback
        start.Environment["DataProtection__AllowUnprotectedKeys"] = "true";
        start.Environment["Logging__File__Path"] = string.Empty;
        foreach (var (key, value) in options.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var logFile = options.LogFile ?? Path.Combine(Path.GetTempPath(), $"kapclinic-app-{port}.log");
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, baseAddress, log, logFile, sinceStart);
    }

    /// <summary>Polls /health/ready until it answers 200; throws with the log's tail when the app exits or the time runs out.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was ready. Log ({LogFile}):\n{LogTail()}");
            }

            if (await IsReadyAsync(http, cancellationToken))
            {
                StartupTime ??= sinceStart.Elapsed;
                return sinceStart.Elapsed;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"The app was not ready within {timeout}. Log ({LogFile}):\n{LogTail()}");
    }

    /// <summary>Whether /health/ready answers 200 right now.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        return await IsReadyAsync(http, cancellationToken);
    }

    /// <summary>The process's resident set size (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>SIGTERM, as a process manager (systemd, Kubernetes) stops the app.</summary>
    public void SendSigterm()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill?.WaitForExit();
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string LogTail(int lines = 40)
    {
        lock (log)
        {
            log.Flush();
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>SIGTERM and a bounded wait, then a kill: the app never outlives the tool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            SendSigterm();
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(35)))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
