using System.Reflection;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Demographics;

/// <summary>
/// The <c>{nhsNumber}</c> of <c>GET /fhir/Patient/{nhsNumber}</c>, bound once per request: parsed, and named in the
/// audit row (the one place a read names its patient, cached or not). A malformed number is invalid-nhs-number; a
/// segment starting with <c>$</c> is kept as an operation name for the handler to answer.
/// </summary>
internal sealed class PatientReadRequest
{
    private PatientReadRequest(string segment, NhsNumber? nhsNumber)
    {
        Segment = segment;
        NhsNumber = nhsNumber;
    }

    /// <summary>The route segment as given.</summary>
    public string Segment { get; }

    /// <summary>The NHS number read; null only for an operation name (<c>$verify</c>).</summary>
    public NhsNumber? NhsNumber { get; }

    public static ValueTask<PatientReadRequest?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(http);
        var segment = http.Request.RouteValues["nhsNumber"] as string ?? string.Empty;
        if (segment.StartsWith('$'))
        {
            return ValueTask.FromResult<PatientReadRequest?>(new PatientReadRequest(segment, null));
        }

        if (!Core.NhsNumber.TryParse(segment, out var nhsNumber))
        {
            throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        http.AuditPatient(nhsNumber);
        return ValueTask.FromResult<PatientReadRequest?>(new PatientReadRequest(segment, nhsNumber));
    }
}
