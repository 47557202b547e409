using Microsoft.Net.Http.Headers;
using NcrsGateway.Fhir;

namespace NcrsGateway.Http;

/// <summary>
/// Headers on every response, errors and cache hits included (set as the response starts, after any handler):
/// <c>X-Content-Type-Options: nosniff</c> everywhere, no <c>Server</c> header, and <c>Cache-Control: no-store</c>
/// on everything that can carry patient data, by endpoint metadata: every audited FHIR endpoint (all but <c>metadata</c>,
/// the <c>/fhir</c> fallback included) and routes marked <see cref="Fhir.NoStore"/> (the sandbox's token and NCRS page). A handler's own stricter <c>no-store</c> value (Binary) is kept.
/// </summary>
internal sealed class ResponseSecurityHeaders(RequestDelegate next)
{
    public const string NoStore = "no-store";

    public Task InvokeAsync(HttpContext context)
    {
        // Decided now, from the matched endpoint's metadata: the exception handler clears the endpoint before it answers.
        var noStore = context.GetEndpoint().MayCarryPatientData();
        context.Response.OnStarting(() =>
        {
            Apply(context, noStore);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context, bool noStore)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.Remove(HeaderNames.Server);
        if (noStore && !headers.CacheControl.ToString().Contains(NoStore, StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = NoStore;
        }
    }
}
