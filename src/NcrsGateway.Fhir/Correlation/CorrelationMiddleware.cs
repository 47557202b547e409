using System.Diagnostics;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;

namespace NcrsGateway.Correlation;

/// <summary>
/// Accepts the caller's <c>X-Correlation-ID</c> (or creates one), returns it on every response, tags the
/// trace span with it and opens a log scope so every log line of the request carries it.
/// </summary>
internal sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[KnownHeaders.CorrelationId];
        var valid = supplied.Count == 0 || (supplied.Count == 1 && CorrelationId.IsValid(supplied[0]!));
        var correlationId = valid && supplied.Count == 1 ? supplied[0]! : CorrelationId.New();

        var feature = new CorrelationFeature(correlationId);
        context.Features.Set(feature);
        context.Response.OnStarting(WriteHeader, context); // on the final response, whatever an error handler cleared before
        Activity.Current?.SetTag("correlation.id", correlationId);

        using var scope = logger.BeginScope(feature); // the feature is the scope's state: CorrelationId
        if (!valid)
        {
            await OperationOutcomes.WriteAsync(context, new GatewayException(
                GatewayErrors.InvalidRequest,
                $"The {KnownHeaders.CorrelationId} header must be 1 to {CorrelationId.MaxLength} letters, digits, '-', '_', '.' or ':'.")).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static Task WriteHeader(object state)
    {
        var context = (HttpContext)state;
        context.Response.Headers[KnownHeaders.CorrelationId] = context.CorrelationId();
        return Task.CompletedTask;
    }
}
