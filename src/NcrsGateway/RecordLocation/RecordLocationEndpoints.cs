using NcrsGateway.Fhir;

namespace NcrsGateway.RecordLocation;

internal sealed class RecordLocationEndpoints : IFhirEndpoints
{
    public void Map(RouteGroupBuilder fhir)
    {
        fhir.MapDocumentReferenceEndpoints();
        fhir.MapBinaryEndpoints();
    }
}
