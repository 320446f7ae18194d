using KapClinic.Web.Infrastructure;
using KapClinic.Web.Infrastructure.Cli;
using KapClinic.Web.Infrastructure.Startup;

// `dotnet run -- create-user ...` or `-- verify-audit` runs a command with the app's services instead of serving HTTP.
var isCommand = args.Length > 0 && args[0] is CreateUserCommand.Name or VerifyAuditCommand.Name;
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddKapClinic();
var app = builder.Build();

if (isCommand)
{
    return args[0] == VerifyAuditCommand.Name
        ? await VerifyAuditCommand.RunAsync(app.Services, Console.Out)
        : await CreateUserCommand.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error);
}

await app.PrepareDatabaseAsync();
app.UseKapClinic();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
