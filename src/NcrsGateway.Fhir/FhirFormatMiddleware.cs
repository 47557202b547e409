using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>
/// FHIR endpoints speak FHIR JSON only. A caller that asks for anything else (Accept or <c>_format</c>) gets a
/// 406 OperationOutcome instead of a body it cannot read. Which endpoints: their metadata (<see cref="FhirEndpointMetadata"/>, <see cref="AnyResponseFormat"/>).
/// </summary>
internal sealed class FhirFormatMiddleware(RequestDelegate next)
{
    private static readonly string[] Acceptable = ["application/fhir+json", "application/json", "application/*", "*/*", "json", "fhir+json"];

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.GetEndpoint().RequiresFhirJson())
        {
            return next(context); // not FHIR, or content in its own format (Binary: PDF, …; its errors are still FHIR JSON)
        }

        var format = context.Request.Query["_format"];
        var accept = context.Request.Headers.Accept;
        if ((format.Count > 0 && !AcceptsJson(format)) || (accept.Count > 0 && !AcceptsJson(accept)))
        {
            return OperationOutcomes.WriteAsync(context, new GatewayException(GatewayErrors.NotAcceptable));
        }

        return next(context);
    }

    private static bool AcceptsJson(Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                var mediaType = part.Split(';')[0].Trim();
                if (Array.Exists(Acceptable, a => a.Equals(mediaType, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
