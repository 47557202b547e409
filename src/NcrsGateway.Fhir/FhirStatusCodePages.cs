using Microsoft.AspNetCore.Diagnostics;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>Gives bodiless framework errors (unknown route, wrong method, 401/403 challenges) an OperationOutcome.</summary>
internal static class FhirStatusCodePages
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var error = StatusErrors.Of(http.Response.StatusCode) ?? GatewayErrors.InternalError;
        return OperationOutcomes.WriteAsync(http, new GatewayException(error));
    }
}
