using Microsoft.AspNetCore.Diagnostics;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>Gives bodiless framework errors (unknown route, wrong method, 401/403 challenges) an OperationOutcome.</summary>
internal static class FhirStatusCodePages
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var error = http.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => GatewayErrors.Unauthenticated,
            StatusCodes.Status403Forbidden => GatewayErrors.AccessDenied,
            StatusCodes.Status404NotFound => GatewayErrors.NotFound,
            StatusCodes.Status405MethodNotAllowed => GatewayErrors.MethodNotAllowed,
            StatusCodes.Status406NotAcceptable => GatewayErrors.NotAcceptable,
            StatusCodes.Status413PayloadTooLarge => GatewayErrors.RequestTooLarge,
            StatusCodes.Status429TooManyRequests => GatewayErrors.RateLimited,
            >= 400 and < 500 => GatewayErrors.InvalidRequest with { HttpStatus = http.Response.StatusCode },
            _ => GatewayErrors.InternalError with { HttpStatus = http.Response.StatusCode },
        };
        return OperationOutcomes.WriteAsync(http, new GatewayException(error));
    }
}
