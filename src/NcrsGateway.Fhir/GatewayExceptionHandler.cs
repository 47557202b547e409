using Microsoft.AspNetCore.Diagnostics;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>
/// The one place exceptions become responses: a <see cref="GatewayException"/> keeps its taxonomy code;
/// anything else is logged and answered with a generic internal-error OperationOutcome (no stack trace, no internals).
/// </summary>
internal sealed partial class GatewayExceptionHandler(ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the caller went away: nobody to answer
        }

        if (exception is BadHttpRequestException badRequest)
        {
            exception = RequestBodyErrors.ToGatewayException(badRequest); // the caller's fault: a 4xx, not logged as an error
        }

        if (exception is not GatewayException gateway)
        {
            LogUnexpected(logger, exception.GetType().Name, Core.Redaction.Redactor.Redact(exception.ToString()));
            gateway = new GatewayException(GatewayErrors.InternalError, inner: exception);
        }

        await OperationOutcomes.WriteAsync(httpContext, gateway).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unexpected {ExceptionType} answered as internal-error: {RedactedDetail}")]
    private static partial void LogUnexpected(ILogger logger, string exceptionType, string redactedDetail);
}
