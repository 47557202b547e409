using NcrsGateway.Fhir;

namespace NcrsGateway.Audit.AspNetCore;

internal sealed class AuditEventFhirEndpoints(FhirBaseUrl baseUrl) : IFhirEndpoints
{
    public void Map(RouteGroupBuilder fhir) => fhir.MapAuditEventEndpoints(baseUrl.For);
}
