using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// The Immunisation FHIR API's own error arms; every other status takes the common arms of <see cref="UpstreamErrors.Map"/>.
/// Upstream diagnostics are never passed to the caller. A 403 means the gateway's application is not authorised for (one
/// of) the vaccine types asked for: access is granted per type. A 404 is "patient not found" only when the service
/// answered it in FHIR; a bare 404 (a wrong path, a proxy) is an upstream error, so a misrouted call never reads as "no record".
/// </summary>
internal static class ImmunisationErrorMapper
{
    public static GatewayException? Map(UpstreamFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Status switch
        {
            HttpStatusCode.BadRequest => new(GatewayErrors.InvalidSearch, "The national immunisation service did not accept the search: check the vaccine types and dates."),
            HttpStatusCode.Forbidden => new(ImmunisationErrors.VaccineTypeNotPermitted),
            HttpStatusCode.NotFound when failure.Body is OperationOutcome => new(GatewayErrors.PatientNotFound),
            _ => null,
        };
    }
}
