using System.Net;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// NRL's own error arms: a 400 or 404 means something different for a search and a read, and a 403 means the pointer
/// type is not permitted to this organisation. Every other status takes the common arms of <see cref="UpstreamErrors.Map"/>.
/// Upstream diagnostics are never passed to the caller. A 404 on search (unknown patient) is a result, not an error.
/// </summary>
internal static class NrlErrorMapper
{
    public static GatewayException? Map(UpstreamFailure failure, NrlOperation operation) => (failure.Status, operation) switch
    {
        (HttpStatusCode.BadRequest, NrlOperation.Search) => new(GatewayErrors.InvalidSearch, "The record locator did not accept the search: check the record type and category codes."),
        (HttpStatusCode.BadRequest, NrlOperation.Read) => new(GatewayErrors.InvalidRequest),
        (HttpStatusCode.NotFound, NrlOperation.Read) => new(GatewayErrors.PointerNotFound),
        (HttpStatusCode.Forbidden, _) => new(GatewayErrors.PointerTypeNotPermitted),
        _ => null,
    };
}
