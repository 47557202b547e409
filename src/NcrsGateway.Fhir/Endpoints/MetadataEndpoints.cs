using Microsoft.AspNetCore.RateLimiting;

namespace NcrsGateway.Fhir;

/// <summary><c>GET /fhir/metadata</c>: the CapabilityStatement of what this gateway actually serves.</summary>
public static class MetadataEndpoints
{
    /// <param name="fhir">The root <c>/fhir</c> group.</param>
    public static RouteHandlerBuilder MapMetadata(this IEndpointRouteBuilder fhir) =>
        fhir.MapGet("/metadata", (FhirBaseUrl baseUrl, IEnumerable<ICapabilityContributor> contributors) =>
                FhirResult.From(CapabilityStatementFactory.Create(baseUrl.Value, contributors)))
            .WithTags("Metadata")
            .WithName("Metadata")
            .WithMetadata(NotAudited.Instance)
            .DisableRateLimiting() // the capability statement is never limited
            .AllowAnonymous();
}
