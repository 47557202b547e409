namespace NcrsGateway.Fhir;

/// <summary>The one root <c>/fhir</c> group: the CapabilityStatement and OperationDefinitions, every registered feature's routes, and the fallback.</summary>
public static class FhirRouteExtensions
{
    public static RouteGroupBuilder MapFhir(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir").WithMetadata(FhirEndpointMetadata.Instance);
        fhir.MapMetadata();
        fhir.MapOperationDefinitions();
        foreach (var feature in app.Services.GetServices<IFhirEndpoints>())
        {
            feature.Map(fhir);
        }

        fhir.MapFhirFallback();
        return fhir;
    }
}
