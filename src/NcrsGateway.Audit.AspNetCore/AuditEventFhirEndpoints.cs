using NcrsGateway.Fhir;

namespace NcrsGateway.Audit.AspNetCore;

internal sealed class AuditEventFhirEndpoints : IFhirEndpoints
{
    public void Map(RouteGroupBuilder fhir) => fhir.MapAuditEventEndpoints();
}
