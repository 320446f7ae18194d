using KapClinic.Web.Infrastructure;
using KapClinic.Web.Infrastructure.Cli;
using KapClinic.Web.Infrastructure.Startup;

// `dotnet run -- create-user ...`, `-- verify-audit`, `-- totp EMAIL`, `-- backup`, `-- restore FILE` or `-- verify-restore MANIFEST` runs a command with the app's services instead of serving HTTP.
var isCommand = args.Length > 0 && args[0] is CreateUserCommand.Name or VerifyAuditCommand.Name or TotpCommand.Name
    or BackupCommand.Name or RestoreCommand.Name or VerifyRestoreCommand.Name;
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddKapClinic();
var app = builder.Build();

if (isCommand)
{
    return args[0] switch
    {
        VerifyAuditCommand.Name => await VerifyAuditCommand.RunAsync(app.Services, Console.Out),
        TotpCommand.Name => await TotpCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error),
        BackupCommand.Name => await BackupCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error),
        RestoreCommand.Name => await RestoreCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error),
        VerifyRestoreCommand.Name => await VerifyRestoreCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error),
        _ => await CreateUserCommand.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error),
    };
}

await app.PrepareDatabaseAsync();
app.UseKapClinic();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
