using System.Net;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// PDS's own error arms: what a 400 or 404 means depends on its Spine code. Every other status takes the common arms of
/// <see cref="UpstreamErrors.Map"/> (401/403, 408/504, 429, 503, other). Upstream diagnostics are never passed to the caller.
/// </summary>
internal static class PdsErrorMapper
{
    public static GatewayException? Map(UpstreamFailure failure) => (failure.Status, failure.SpineCode) switch
    {
        (HttpStatusCode.BadRequest, "INVALID_RESOURCE_ID") => new(GatewayErrors.InvalidNhsNumber),
        (HttpStatusCode.BadRequest, _) => new(GatewayErrors.InvalidSearch),
        (HttpStatusCode.NotFound, "INVALIDATED_RESOURCE") => new(GatewayErrors.PatientRecordInvalidated),
        (HttpStatusCode.NotFound, _) => new(GatewayErrors.PatientNotFound),
        _ => null,
    };
}
