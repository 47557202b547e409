namespace NcrsGateway.Core.Http;

/// <summary>The request's correlation ID, stored on the HttpContext for endpoints, audit and error responses.</summary>
public sealed class CorrelationFeature(string correlationId)
{
    public string CorrelationId { get; } = correlationId;
}
