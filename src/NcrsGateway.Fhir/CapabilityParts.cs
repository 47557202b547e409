using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace NcrsGateway.Fhir;

/// <summary>Small builders for the pieces contributors write.</summary>
public static class CapabilityParts
{
    public const string OperationDefinitionBase = "https://ncrs-gateway.nhs.example/fhir/OperationDefinition/";

    public static List<ResourceInteractionComponent> Interactions(params TypeRestfulInteraction[] codes) =>
        [.. codes.Select(c => new ResourceInteractionComponent { Code = c })];

    public static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };

    /// <summary>An operation defined in <c>profiles/</c> as <c>OperationDefinition/{resource}-{name}</c>.</summary>
    public static OperationComponent Operation(string resource, string name, string documentation) =>
        new() { Name = name, Definition = $"{OperationDefinitionBase}{resource}-{name}", Documentation = documentation };

    /// <summary>The listed resource of that type, or null when no present feature serves it.</summary>
    public static ResourceComponent? Find(this IReadOnlyList<ResourceComponent> resources, ResourceType type) =>
        resources.FirstOrDefault(r => r.Type == type.ToString());
}
