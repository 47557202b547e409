using NcrsGateway.Fhir;

namespace NcrsGateway.Endpoints;

/// <summary><c>GET /fhir/metadata</c>: the CapabilityStatement of what this gateway actually serves.</summary>
internal static class MetadataEndpoints
{
    public static IEndpointRouteBuilder MapMetadataEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/metadata", (HttpContext http, FhirBaseUrl baseUrl, TimeProvider time) =>
                FhirResult.From(CapabilityStatementFactory.Create(baseUrl.For(http.Request))))
            .WithTags("Metadata")
            .WithName("Metadata")
            .AllowAnonymous();
        return routes;
    }
}
