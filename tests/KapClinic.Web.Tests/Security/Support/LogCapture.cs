using System.Collections.Concurrent;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>Every log event the app writes, kept in memory (a Serilog sink the host reads from DI).</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => [.. events];

    /// <summary>Each event as text: its rendered message, then every property as name=value.</summary>
    public IEnumerable<string> Lines => Events.Select(e =>
        e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " | "
        + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + (e.Exception is null ? string.Empty : " | " + e.Exception));

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
}

/// <summary>The app with a <see cref="LogCapture"/> attached.</summary>
public sealed class LogCaptureFixture : AppFixture
{
    public LogCapture Log { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.AddSingleton<ILogEventSink>(Log));
}
