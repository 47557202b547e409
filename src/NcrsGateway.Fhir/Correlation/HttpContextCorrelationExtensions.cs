namespace NcrsGateway.Correlation;

public static class HttpContextCorrelationExtensions
{
    public static string CorrelationId(this HttpContext context) =>
        context.Features.Get<CorrelationFeature>()?.CorrelationId ?? context.TraceIdentifier;
}
