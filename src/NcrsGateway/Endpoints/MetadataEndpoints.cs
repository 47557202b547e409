using NcrsGateway.Fhir;
using NcrsGateway.Hosting;

namespace NcrsGateway.Endpoints;

/// <summary><c>GET /fhir/metadata</c>: the CapabilityStatement of what this gateway actually serves.</summary>
internal static class MetadataEndpoints
{
    public static IEndpointRouteBuilder MapMetadataEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/fhir/metadata", (FhirBaseUrl baseUrl, ConfiguredUpstreams upstreams) =>
                FhirResult.From(CapabilityStatementFactory.Create(baseUrl.Value, upstreams)))
            .WithTags("Metadata")
            .WithName("Metadata")
            .AllowAnonymous();
        return routes;
    }
}
