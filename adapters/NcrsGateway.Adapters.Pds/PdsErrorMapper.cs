using System.Net;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// Turns a PDS error response into the gateway taxonomy. Upstream diagnostics are logged by code only
/// and never passed to the caller.
/// </summary>
internal static class PdsErrorMapper
{
    public static async Task<GatewayException> MapAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var spineCode = await UpstreamErrors.ReadSpineCodeAsync(response, cancellationToken).ConfigureAwait(false);
        var retryAfter = UpstreamErrors.RetryAfter(response, time);
        return (response.StatusCode, spineCode) switch
        {
            (HttpStatusCode.BadRequest, "INVALID_RESOURCE_ID") => new(GatewayErrors.InvalidNhsNumber),
            (HttpStatusCode.BadRequest, _) => new(GatewayErrors.InvalidSearch),
            (HttpStatusCode.NotFound, "INVALIDATED_RESOURCE") => new(GatewayErrors.PatientRecordInvalidated),
            (HttpStatusCode.NotFound, _) => new(GatewayErrors.PatientNotFound),
            (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, _) => new(GatewayErrors.UpstreamAccessDenied),
            (HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout, _) => new(GatewayErrors.UpstreamTimeout),
            (HttpStatusCode.TooManyRequests, _) => UpstreamErrors.Busy(retryAfter ?? TimeSpan.FromSeconds(1)),
            (HttpStatusCode.ServiceUnavailable, _) => new(GatewayErrors.UpstreamUnavailable, retryAfter: retryAfter),
            _ => new(GatewayErrors.UpstreamError),
        };
    }
}
