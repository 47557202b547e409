using NcrsGateway.Fhir;

namespace NcrsGateway.Immunisations;

internal sealed class ImmunisationFhirEndpoints : IFhirEndpoints
{
    public void Map(RouteGroupBuilder fhir) => fhir.MapImmunisations();
}
