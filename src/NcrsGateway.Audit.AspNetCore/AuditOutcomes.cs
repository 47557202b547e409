using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>Outcome, failure category and code of a request, from its exception, its OperationOutcome or its status.</summary>
internal static class AuditOutcomes
{
    public static (AuditOutcome Outcome, FailureCategory? Category, string? Code) Of(int status, GatewayError? written, Exception? exception)
    {
        var error = exception switch
        {
            GatewayException g => g.Error,
            BadHttpRequestException b => Fhir.RequestBodyErrors.Of(b),
            OperationCanceledException when status == StatusCodes.Status499ClientClosedRequest => GatewayErrors.RequestAbandoned, // the caller went away: not a fault
            null => written ?? Fhir.StatusErrors.Of(status),
            _ => GatewayErrors.InternalError,
        };
        return error is null ? (AuditOutcome.Success, null, null) : (AuditOutcome.Failure, error.Category, error.Code);
    }

    /// <summary>
    /// The status the caller receives: the response's own, unless an exception is still on its way to the
    /// exception handler, which answers with its taxonomy status (499 when the caller went away: nobody is answered).
    /// </summary>
    public static int StatusOf(HttpContext http, Exception? exception) => exception switch
    {
        null => http.Response.StatusCode,
        GatewayException g => g.Error.HttpStatus,
        OperationCanceledException when http.RequestAborted.IsCancellationRequested => StatusCodes.Status499ClientClosedRequest,
        _ => GatewayErrors.InternalError.HttpStatus,
    };
}
