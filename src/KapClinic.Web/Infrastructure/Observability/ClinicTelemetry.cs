using System.Diagnostics;
using KapClinic.Web.Infrastructure.Web;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KapClinic.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, Npgsql, .NET runtime), exported over OTLP, only when an endpoint is
/// configured: the standard OTEL_EXPORTER_OTLP_ENDPOINT (with OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS, ... as the
/// exporter reads them) or OpenTelemetry:Endpoint (an http/protobuf collector's base URL). Without either nothing is
/// registered: no listener, no cost. No PHI: span names and routes carry templates and ids, query strings are
/// redacted by the instrumentation, a calendar feed's secret path is rewritten, /health is not traced, and Npgsql
/// records SQL text with $n placeholders, never parameter values.
/// </summary>
public static class ClinicTelemetry
{
    public const string EndpointKey = "OpenTelemetry:Endpoint";
    public const string ServiceNameKey = "OpenTelemetry:ServiceName";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether the configuration turns exporting on.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointKey]) || !string.IsNullOrWhiteSpace(configuration[StandardEndpointVariable]);

    public static WebApplicationBuilder AddClinicTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!IsEnabled(configuration))
        {
            return builder;
        }

        var endpoint = configuration[EndpointKey];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                configuration[ServiceNameKey] ?? "kapclinic",
                serviceVersion: typeof(ClinicTelemetry).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    o.EnrichWithHttpRequest = (activity, _) => RedactFeedToken(activity);
                    o.EnrichWithHttpResponse = (activity, _) => RedactFeedToken(activity);
                })
                .AddNpgsql()
                .AddOtlpExporter(o => UseEndpoint(o, endpoint, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(o => UseEndpoint(o, endpoint, "v1/metrics")));
        return builder;
    }

    /// <summary>With OpenTelemetry:Endpoint, http/protobuf to its signal path; otherwise the exporter's own OTEL_* settings.</summary>
    private static void UseEndpoint(OtlpExporterOptions options, string? endpoint, string signalPath)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(endpoint.TrimEnd('/') + "/" + signalPath);
    }

    // The feed's URL is its credential (CalendarTokenRedactor keeps it out of the logs; this keeps it out of traces).
    private static void RedactFeedToken(Activity activity)
    {
        foreach (var tag in new[] { "url.path", "url.full", "http.target", "http.url" })
        {
            if (activity.GetTagItem(tag) is string value && value.Contains("/calendar/", StringComparison.OrdinalIgnoreCase))
            {
                activity.SetTag(tag, CalendarTokenRedactor.Redact(value));
            }
        }

        if (activity.DisplayName.Contains("/calendar/", StringComparison.OrdinalIgnoreCase) && !activity.DisplayName.Contains('{', StringComparison.Ordinal))
        {
            activity.DisplayName = CalendarTokenRedactor.Redact(activity.DisplayName);
        }
    }
}
