using Microsoft.AspNetCore.Hosting.Server;
using NcrsGateway.Correlation;

namespace NcrsGateway.Fhir;

/// <summary>Registers and wires the FHIR edge: the exception handler, the link base, correlation, status pages and format negotiation.</summary>
public static class FhirEdgeExtensions
{
    /// <param name="services">The container.</param>
    /// <param name="publicBaseUrl">Reads the configured public base URL once, at first use (null: the server's own address).</param>
    public static IServiceCollection AddFhirEdge(this IServiceCollection services, Func<IServiceProvider, Uri?> publicBaseUrl)
    {
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddSingleton(sp => new FhirBaseUrl(publicBaseUrl(sp), sp.GetRequiredService<IServer>()));
        services.AddOptions<Diagnostics.TelemetryDimensionsOptions>()
            .BindConfiguration(Diagnostics.TelemetryDimensionsOptions.SectionName, o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Diagnostics.TelemetryDimensionsOptions>, Diagnostics.TelemetryDimensionsOptionsValidator>();
        services.AddSingleton<Diagnostics.RequestDimensionsResolver>();
        services.AddSingleton(sp => new Diagnostics.RequestInstance(InstanceName(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Telemetry:InstanceName"])));
        return services;
    }

    /// <summary>Times every request (upstream calls, cache decision, audit write) and answers with <c>Server-Timing</c>.</summary>
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.UseMiddleware<Diagnostics.ServerTimingMiddleware>();

    /// <summary>After authentication: the caller's organisation, site and client software become the request's metric dimensions.</summary>
    public static IApplicationBuilder UseRequestDimensions(this IApplicationBuilder app) => app.UseMiddleware<Diagnostics.RequestDimensionsMiddleware>();

    private static string InstanceName(string? configured)
    {
        var name = string.IsNullOrWhiteSpace(configured) ? Environment.MachineName : configured;
        return SafeToken.IsValid(name, 64) ? name : "gateway";
    }

    /// <summary>Accepts or creates the request's correlation ID (refuses a malformed one with an OperationOutcome).</summary>
    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.UseMiddleware<CorrelationMiddleware>();

    /// <summary>
    /// Exceptions and bodiless framework errors become OperationOutcomes: the registered <c>IExceptionHandler</c>
    /// first, a generic internal-error last.
    /// </summary>
    public static IApplicationBuilder UseFhirErrors(this IApplicationBuilder app) => app
        .UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = OperationOutcomes.WriteInternalErrorAsync,
            SuppressDiagnosticsCallback = c => IsExpected(c.Exception),
        })
        .UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = FhirStatusCodePages.WriteAsync });

    /// <summary>
    /// Exceptions that are no fault of the gateway, or that were logged where they were raised: taxonomy errors, a caller
    /// that went away, and a client's bad request (a body over its limit, a malformed form), which
    /// <see cref="GatewayExceptionHandler"/> answers with a 4xx. The framework would otherwise log them at Error with a stack trace.
    /// </summary>
    private static bool IsExpected(Exception exception) =>
        exception is Core.Errors.GatewayException or OperationCanceledException or BadHttpRequestException { StatusCode: < 500 };

    /// <summary>
    /// POST <c>_search</c> forms, lenient handling, and the result parameters (<c>_summary</c>, <c>_elements</c>, gateway
    /// paging) of every FHIR read and search: after authorization, before the handler.
    /// </summary>
    public static IApplicationBuilder UseFhirSearch(this IApplicationBuilder app) => app.UseMiddleware<FhirSearchMiddleware>();

    /// <summary>FHIR endpoints speak FHIR JSON only: anything else asked for gets 406.</summary>
    public static IApplicationBuilder UseFhirFormat(this IApplicationBuilder app) => app.UseMiddleware<FhirFormatMiddleware>();
}
