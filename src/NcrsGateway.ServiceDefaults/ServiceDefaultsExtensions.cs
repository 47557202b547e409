using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NcrsGateway.ServiceDefaults;

/// <summary>Cross-cutting host setup in one place: telemetry with redaction at the source, and health checks.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ActivitySourceName = "NcrsGateway";
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>
    /// Longest any one health check may take (unless its registration names its own timeout): under the 1 s readiness
    /// probe timeout in deploy/, so a hung dependency makes the probe answer Degraded (or Unhealthy, per the check's
    /// failure status) instead of timing the probe out on every instance at once.
    /// </summary>
    public static readonly TimeSpan ReadyCheckTimeout = TimeSpan.FromMilliseconds(800);

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // Framework request/response logs print raw URLs (which hold NHS numbers): keep them quiet at the source.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Its per-request log scope carries the raw RequestPath (/fhir/Patient/<NHS number>) into every log line
        // of the request; switching the category off stops the scope being created at all. Startup failures are
        // still reported: they surface as the process's unhandled exception.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        ConsoleFormat.Apply(builder); // simple text on a developer's console, JSON in production; Telemetry:ConsoleFormat decides
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t
                .AddSource(ActivitySourceName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    // The path names the patient (/fhir/Patient/<NHS number>) and the query holds names, postcodes and
                    // birth dates: the span keeps the route template and the query's parameter names only.
                    o.EnrichWithHttpRequest = (activity, request) => TelemetryUrls.Describe(activity, request.HttpContext);
                    o.EnrichWithHttpResponse = (activity, response) => TelemetryUrls.Describe(activity, response.HttpContext);
                })
                // Upstream spans name the service's origin only: document URLs carry NHS numbers, names and
                // postcodes in their path and query, which no masking rule can find reliably.
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                    activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority) + "/")))
            .WithMetrics(m =>
            {
                m.AddMeter(Core.Diagnostics.GatewayMetrics.MeterName) // the gateway's own: docs/operations.md lists them
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (PrometheusEnabled(builder.Configuration))
                {
                    m.AddPrometheusExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.PostConfigure<HealthCheckServiceOptions>(o => BoundedHealthCheck.Apply(o, ReadyCheckTimeout)); // after every AddCheck
        return builder;
    }

    /// <summary>
    /// <c>Telemetry:Prometheus:Enabled</c>: opt-in scrape endpoint <c>/metrics</c> (Prometheus text). Never anonymous:
    /// it answers only callers the <c>scrapePolicy</c> admits (the gateway's: the support role).
    /// </summary>
    public static bool PrometheusEnabled(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        bool.TryParse(configuration?["Telemetry:Prometheus:Enabled"], out var enabled) && enabled;

    /// <summary>Maps <c>/metrics</c> when <see cref="PrometheusEnabled"/>, behind <paramref name="scrapePolicy"/>.</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app, string scrapePolicy)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (PrometheusEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(scrapePolicy).DisableRateLimiting();
        }

        return app;
    }

    /// <summary>Liveness (process up) and readiness (dependencies usable) endpoints, in every environment, never rate-limited.</summary>
    /// <param name="app">The application.</param>
    /// <param name="mayReadDetail">Who gets readiness detail as JSON (e.g. a signed-in user with an operations role); everyone else gets the plain status. Unset: nobody.</param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, Func<HttpContext, bool>? mayReadDetail = null)
    {
        var writer = new HealthReportWriter(mayReadDetail ?? (_ => false));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .AllowAnonymous()
            .DisableRateLimiting(); // probes are never limited
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => !r.Tags.Contains(LiveTag) || r.Tags.Contains(ReadyTag),
            ResponseWriter = writer.WriteAsync, // plain status; every entry (per-upstream breaker, last success) as JSON for mayReadDetail callers
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
