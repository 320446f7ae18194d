using KapClinic.DataGenerator;

// ./build.sh seed --scale small|large [--database NAME] [--connection OWNER_CONNSTRING] [--force]
// build.sh passes the owner connection string (with the database) in --connection.
string? scale = null;
string? connection = null;
var force = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scale" when i + 1 < args.Length: scale = args[++i]; break;
        case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
        case "--force": force = true; break;
        default:
            await Console.Error.WriteLineAsync($"Unknown argument: {args[i]}");
            return 2;
    }
}

var profile = scale is null ? null : ScaleProfile.Named(scale);
if (profile is null || string.IsNullOrWhiteSpace(connection))
{
    await Console.Error.WriteLineAsync("Usage: KapClinic.DataGenerator --scale small|large --connection OWNER_CONNECTION_STRING [--force]");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    var bar = new ConsoleProgressBar();
    var summary = await ScaleDataGenerator.GenerateAsync(connection, profile, new GenerateOptions { Force = force }, bar, cancel.Token);
    bar.Finish();
    Console.WriteLine(summary.Outcome == GenerationOutcome.AlreadyGenerated
        ? $"Database {summary.Database} already holds the {profile.Name} scale data: nothing to do."
        : $"Generated the {profile.Name} scale data into {summary.Database}: {summary.TotalRows:N0} rows in {summary.Elapsed:mm\\:ss}.");
    Console.WriteLine($"Sign in as {GeneratedUsers.Clinician(1)} (or {GeneratedUsers.Admin}), password {GeneratedUsers.Password}, authenticator secret {GeneratedUsers.MfaSecret}.");
    return 0;
}
catch (GenerationRefusedException ex)
{
    await Console.Error.WriteLineAsync($"Refused: {ex.Message}");
    return 3;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("Cancelled: nothing was committed (the load runs in one transaction).");
    return 130;
}
