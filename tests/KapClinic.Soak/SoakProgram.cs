using System.Runtime.InteropServices;

namespace KapClinic.Soak;

/// <summary>
/// Entry point of ./build.sh soak and ./build.sh faults. Ctrl-C or SIGTERM ends the run early and still stops the app
/// and deletes the private PostgreSQL cluster. Exit code: 0 pass, 1 fail, 2 bad arguments, 130 interrupted.
/// </summary>
public static class SoakProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(SoakOptions.Usage);
            return 0;
        }

        if (SoakOptions.Parse(args) is not { } options)
        {
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("Interrupted: stopping the app and deleting the database cluster.");
            cts.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cts.Cancel();
        });
        try
        {
            return await SoakRun.RunAsync(options, cts.Token) ? 0 : 1;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or HttpRequestException or Npgsql.NpgsqlException)
        {
            // The app and the cluster are gone already (disposed on the way out); say why the run could not finish.
            Console.Error.WriteLine($"The run could not finish: {ex}");
            return 1;
        }
    }
}
