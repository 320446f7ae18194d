using System.Runtime.InteropServices;
using KapClinic.Bench;
using KapClinic.Bench.Data;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

// The bench talks only to the PostgreSQL it starts: refuse to run where the environment points the app elsewhere.
foreach (var name in new[] { "ConnectionStrings__KapClinic", "ConnectionStrings__KapClinicOwner", "KAPCLINIC_TEST_SERVER" })
{
    if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
    {
        Console.Error.WriteLine($"{name} is set: the bench runs only against the PostgreSQL it starts itself. Unset it and run again.");
        return 2;
    }
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("Interrupted: stopping the app, the baseline and PostgreSQL...");
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    Console.Error.WriteLine("Terminated: stopping the app, the baseline and PostgreSQL...");
    cancel.Cancel();
});

try
{
    return await new BenchRun(options, BenchDataSources.Default(options)).RunAsync(cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped; everything the bench started is down (the data directory is kept).");
    return 130;
}
catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException or TimeoutException or HttpRequestException or FormatException)
{
    Console.Error.WriteLine($"The bench failed: {ex}");
    return 1;
}
