using KapClinic.Core.Data.Changes;

namespace KapClinic.Web.Infrastructure.Startup;

/// <summary>Runs the <see cref="ChangeListener"/> that keeps this instance's session and settings caches exact.</summary>
public sealed class ChangeListenerService(ChangeListener listener) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => listener.RunAsync(stoppingToken);
}
