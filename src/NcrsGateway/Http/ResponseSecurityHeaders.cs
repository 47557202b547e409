using Microsoft.Net.Http.Headers;

namespace NcrsGateway.Http;

/// <summary>
/// Headers on every response, errors and cache hits included (set as the response starts, after any handler):
/// <c>X-Content-Type-Options: nosniff</c> everywhere, no <c>Server</c> header, and <c>Cache-Control: no-store</c>
/// on everything that can carry patient data: every <c>/fhir</c> route except <c>metadata</c>, and the sandbox's
/// routes (its token and NCRS page). A handler's own stricter <c>no-store</c> value (Binary) is kept.
/// </summary>
internal sealed class ResponseSecurityHeaders(RequestDelegate next)
{
    public const string NoStore = "no-store";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.Remove(HeaderNames.Server);
        if (MayCarryPatientData(context.Request.Path) && !headers.CacheControl.ToString().Contains(NoStore, StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = NoStore;
        }
    }

    internal static bool MayCarryPatientData(PathString path) =>
        (path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/fhir/metadata", StringComparison.OrdinalIgnoreCase))
        || path.StartsWithSegments("/sandbox", StringComparison.OrdinalIgnoreCase);
}
