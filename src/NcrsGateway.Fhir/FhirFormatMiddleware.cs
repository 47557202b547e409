using NcrsGateway.Core.Errors;

namespace NcrsGateway.Fhir;

/// <summary>
/// FHIR endpoints speak FHIR R4 JSON only. A caller that asks for anything else (Accept or <c>_format</c>: another
/// format, another <c>fhirVersion</c>, or JSON refused with <c>q=0</c>) gets a 406 OperationOutcome instead of a body it cannot read. Which endpoints: their metadata (<see cref="FhirEndpointMetadata"/>, <see cref="AnyResponseFormat"/>).
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

    /// <summary>
    /// Whether one of the media ranges is FHIR JSON the gateway can write: a JSON type, not refused with <c>q=0</c>, and
    /// naming no <c>fhirVersion</c> other than R4 (<c>4.0</c>, <c>4.0.1</c>).
    /// </summary>
    internal static bool AcceptsJson(Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                if (Array.Exists(Acceptable, a => a.Equals(pieces[0], StringComparison.OrdinalIgnoreCase)) && pieces.Skip(1).All(Acceptable4))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Acceptable4(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? parameter : parameter[..equals].Trim();
        var value = equals < 0 ? string.Empty : parameter[(equals + 1)..].Trim().Trim('"');
        return name.ToUpperInvariant() switch
        {
            "Q" => !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) || q > 0,
            "FHIRVERSION" => value is "4.0" or "4.0.1",
            _ => true,
        };
    }
}
