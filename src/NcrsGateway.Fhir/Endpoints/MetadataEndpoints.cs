using Microsoft.AspNetCore.RateLimiting;

namespace NcrsGateway.Fhir;

/// <summary><c>GET|HEAD /fhir/metadata</c>: the CapabilityStatement of what this gateway actually serves.</summary>
public static class MetadataEndpoints
{
    /// <param name="fhir">The root <c>/fhir</c> group.</param>
    public static RouteHandlerBuilder MapMetadata(this IEndpointRouteBuilder fhir) =>
        fhir.MapFhirGet("/metadata", (FhirBaseUrl baseUrl, IEnumerable<ICapabilityContributor> contributors) =>
                FhirResult.From(CapabilityStatementFactory.Create(baseUrl.Value, contributors)))
            .WithTags("Metadata")
            .WithName("Metadata")
            .WithMetadata(NotAudited.Instance)
            .DisableRateLimiting() // the capability statement is never limited
            .AllowAnonymous();

    /// <summary><c>GET /fhir/OperationDefinition/{id}</c>: the definitions the CapabilityStatement's operations name, anonymous like metadata.</summary>
    public static RouteHandlerBuilder MapOperationDefinitions(this IEndpointRouteBuilder fhir) =>
        fhir.MapFhirGet("/OperationDefinition/{id}", (string id, IEnumerable<OperationDefinitionDocument> definitions) =>
                definitions.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal)) is { } definition
                    ? new FhirResult(definition.Json)
                    : throw new Core.Errors.GatewayException(Core.Errors.GatewayErrors.NotFound))
            .WithTags("Metadata")
            .WithName("ReadOperationDefinition")
            .WithMetadata(NotAudited.Instance)
            .DisableRateLimiting()
            .AllowAnonymous();
}
