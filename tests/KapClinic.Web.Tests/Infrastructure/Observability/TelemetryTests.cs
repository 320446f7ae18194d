using System.Diagnostics;
using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Observability;
using KapClinic.Web.Tests.Security.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serilog.Core;

namespace KapClinic.Web.Tests.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry: with OpenTelemetry:Endpoint pointing at a loopback OTLP receiver, requests produce ASP.NET Core and
/// Npgsql spans posted to /v1/traces (and metrics to /v1/metrics), without PHI; without it nothing is registered;
/// log events written during a request carry its trace id.
/// </summary>
public sealed class TelemetryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task With_an_endpoint_configured_a_page_request_exports_aspnetcore_and_npgsql_spans_and_metrics_without_phi()
    {
        using var receiver = new OtlpReceiver();
        await using var app = new KapClinicAppFactory(fixture.Factory.ConnectionString).WithSetting(ClinicTelemetry.EndpointKey, receiver.BaseAddress);
        var (client, _) = await TestUsers.SignedInAsync(app, ClinicRoles.Clinician);
        var created = await HtmlForms.PostAsync(client, "/Patients/Create", Patients.TestPatients.Fields(Patients.TestPatients.Input("Otelphi", "Quixotry")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(created.Headers.Location)).StatusCode);
        await TestUsers.NewClient(app).GetAsync("/calendar/Secretfeedtoken0123456789.ics"); // the path is a credential

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var traces = string.Concat(receiver.Bodies("/v1/traces"));
        Assert.Contains("Microsoft.AspNetCore", traces, StringComparison.Ordinal); // the server span's instrumentation scope
        Assert.Contains("Patients/Create", traces, StringComparison.Ordinal); // its route
        Assert.Contains("Npgsql", traces, StringComparison.Ordinal); // database spans
        Assert.Contains("SELECT", traces, StringComparison.Ordinal); // their SQL, with placeholders
        Assert.Contains(Web.Infrastructure.Web.CalendarTokenRedactor.RedactedPath, traces, StringComparison.Ordinal); // the feed request, without its token
        foreach (var phi in new[] { "Otelphi", "Quixotry", "patient@example.org", "555 010 2345", "Secretfeedtoken" })
        {
            Assert.DoesNotContain(phi, traces, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("http.server.request.duration", string.Concat(receiver.Bodies("/v1/metrics")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_endpoint_no_telemetry_is_registered()
    {
        Assert.Null(fixture.Factory.Services.GetService<TracerProvider>());
        Assert.Null(fixture.Factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task A_log_event_written_during_a_request_carries_the_request_trace_id()
    {
        var log = new LogCapture();
        await using var app = new KapClinicAppFactory(fixture.Factory.ConnectionString).WithServices(s => s.AddSingleton<ILogEventSink>(log));
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page-for-the-trace-test");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        await TestUsers.NewClient(app).SendAsync(request);

        var requestEvent = Assert.Single(log.Events, e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString().Contains("no-such-page-for-the-trace-test", StringComparison.Ordinal)
            && e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal));
        Assert.Equal(traceId, requestEvent.TraceId);
        Assert.NotNull(requestEvent.SpanId);
    }
}
