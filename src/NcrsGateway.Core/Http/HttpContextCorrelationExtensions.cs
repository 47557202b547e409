using Microsoft.AspNetCore.Http;

namespace NcrsGateway.Core.Http;

/// <summary>Reads the request's correlation ID (set by the host's correlation middleware).</summary>
public static class HttpContextCorrelationExtensions
{
    public static string CorrelationId(this HttpContext context) =>
        context.Features.Get<CorrelationFeature>()?.CorrelationId ?? context.TraceIdentifier;
}
