using NcrsGateway.Fhir;

namespace NcrsGateway.ClinicalContext;

internal sealed class ClinicalContextEndpoints : IFhirEndpoints
{
    public void Map(RouteGroupBuilder fhir) => fhir.MapPatientOperationEndpoints();
}
