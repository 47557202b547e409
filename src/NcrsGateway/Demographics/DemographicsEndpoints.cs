using NcrsGateway.Fhir;

namespace NcrsGateway.Demographics;

internal sealed class DemographicsEndpoints : IFhirEndpoints
{
    public void Map(RouteGroupBuilder fhir) => fhir.MapPatientEndpoints();
}
