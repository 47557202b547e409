using Microsoft.AspNetCore.Http.Metadata;

namespace NcrsGateway.Http;

/// <summary>
/// Endpoint metadata that lowers the request-body limit for one route (routing sets the server's
/// <c>IHttpMaxRequestBodySizeFeature</c> from it before the body is read).
/// </summary>
internal sealed class RequestBodyLimit(long maxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;
}
