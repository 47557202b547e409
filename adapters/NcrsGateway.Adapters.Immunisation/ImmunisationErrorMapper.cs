using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Turns an Immunisation FHIR API error response into the gateway taxonomy. Upstream diagnostics are never passed
/// to the caller. A 403 means the gateway's application is not authorised for (one of) the vaccine types asked for:
/// access is granted per type. A 404 is "patient not found" only when the service answered it in FHIR; a bare 404
/// (a wrong path, a proxy) is an upstream error, so a misrouted call never reads as "no record".
/// </summary>
internal static class ImmunisationErrorMapper
{
    public static GatewayException Map(HttpResponseMessage response, Resource? body, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = UpstreamErrors.RetryAfter(response, time);
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => new(GatewayErrors.InvalidSearch, "The national immunisation service did not accept the search: check the vaccine types and dates."),
            HttpStatusCode.Unauthorized => new(GatewayErrors.UpstreamAccessDenied),
            HttpStatusCode.Forbidden => new(ImmunisationErrors.VaccineTypeNotPermitted),
            HttpStatusCode.NotFound when body is OperationOutcome => new(GatewayErrors.PatientNotFound),
            HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => new(GatewayErrors.UpstreamTimeout),
            HttpStatusCode.TooManyRequests => UpstreamErrors.Busy(retryAfter ?? TimeSpan.FromSeconds(1)),
            HttpStatusCode.ServiceUnavailable => new(GatewayErrors.UpstreamUnavailable, retryAfter: retryAfter),
            _ => new(GatewayErrors.UpstreamError),
        };
    }
}
