using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NcrsGateway.Core.Redaction;

namespace NcrsGateway.ServiceDefaults;

/// <summary>
/// What a server span says about the request's URL: <c>url.path</c> is the matched route's template
/// (<c>/fhir/Patient/{id}</c>), or <see cref="Redactor.Mask"/> when no route matched (a path nobody serves can still hold a
/// name); <c>url.query</c> keeps the parameter names only (<see cref="Redactor.RedactQuery"/>). Called when the request
/// starts and again when it ends, once routing has chosen the endpoint.
/// </summary>
internal static class TelemetryUrls
{
    public static void Describe(Activity activity, HttpContext context)
    {
        activity.SetTag("url.path", context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? "/" + template.TrimStart('/') : Redactor.Mask);
        activity.SetTag("url.query", context.Request.QueryString.HasValue ? Redactor.RedactQuery(context.Request.QueryString.Value) : null);
    }
}
