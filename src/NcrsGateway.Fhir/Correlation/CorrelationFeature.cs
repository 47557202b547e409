namespace NcrsGateway.Correlation;

/// <summary>The request's correlation ID, stored on the HttpContext for endpoints, audit and error responses.</summary>
internal sealed class CorrelationFeature(string correlationId)
{
    public string CorrelationId { get; } = correlationId;
}
