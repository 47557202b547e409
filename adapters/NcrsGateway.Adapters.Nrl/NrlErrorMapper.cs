using System.Net;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Turns an NRL error response into the gateway taxonomy. Upstream diagnostics are never passed to the
/// caller. A 404 on search (unknown patient) is not an error and is handled by the client before this.
/// </summary>
internal static class NrlErrorMapper
{
    public static GatewayException Map(HttpResponseMessage response, NrlOperation operation, TimeProvider time)
    {
        var retryAfter = UpstreamErrors.RetryAfter(response, time);
        return (response.StatusCode, operation) switch
        {
            (HttpStatusCode.BadRequest, NrlOperation.Search) => new(GatewayErrors.InvalidSearch, "The record locator did not accept the search: check the record type and category codes."),
            (HttpStatusCode.BadRequest, NrlOperation.Read) => new(GatewayErrors.InvalidRequest),
            (HttpStatusCode.NotFound, NrlOperation.Read) => new(GatewayErrors.PointerNotFound),
            (HttpStatusCode.Forbidden, _) => new(GatewayErrors.PointerTypeNotPermitted),
            (HttpStatusCode.Unauthorized, _) => new(GatewayErrors.UpstreamAccessDenied),
            (HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout, _) => new(GatewayErrors.UpstreamTimeout),
            (HttpStatusCode.TooManyRequests, _) => UpstreamErrors.Busy(retryAfter ?? TimeSpan.FromSeconds(1)),
            (HttpStatusCode.ServiceUnavailable, _) => new(GatewayErrors.UpstreamUnavailable, retryAfter: retryAfter),
            _ => new(GatewayErrors.UpstreamError),
        };
    }
}
