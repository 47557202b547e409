using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>
/// The taxonomy error a bare HTTP status stands for, when nothing more precise was written: one table for the
/// OperationOutcome of a bodiless framework response and for the audit row of a request that ended with that status.
/// </summary>
public static class StatusErrors
{
    /// <summary>Null below 400 (success); the matching taxonomy entry otherwise, its status set to <paramref name="status"/>.</summary>
    public static GatewayError? Of(int status)
    {
        var error = status switch
        {
            < 400 => null,
            StatusCodes.Status401Unauthorized => GatewayErrors.Unauthenticated,
            StatusCodes.Status403Forbidden => GatewayErrors.AccessDenied,
            StatusCodes.Status404NotFound => GatewayErrors.NotFound,
            StatusCodes.Status405MethodNotAllowed => GatewayErrors.MethodNotAllowed,
            StatusCodes.Status406NotAcceptable => GatewayErrors.NotAcceptable,
            StatusCodes.Status413PayloadTooLarge => GatewayErrors.RequestTooLarge,
            StatusCodes.Status415UnsupportedMediaType => GatewayErrors.UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => GatewayErrors.RateLimited,
            < 500 => GatewayErrors.InvalidRequest,
            StatusCodes.Status502BadGateway => GatewayErrors.UpstreamError,
            StatusCodes.Status503ServiceUnavailable => GatewayErrors.UpstreamUnavailable,
            StatusCodes.Status504GatewayTimeout => GatewayErrors.UpstreamTimeout,
            _ => GatewayErrors.InternalError,
        };
        return error is null || error.HttpStatus == status ? error : error with { HttpStatus = status };
    }
}
