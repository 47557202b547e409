namespace NcrsGateway.Core.Adapters;

/// <summary>A FHIR resource type an adapter backs: its interactions (<c>read</c>, <c>search-type</c>) and search parameters.</summary>
public sealed record ServedResource(string ResourceType, IReadOnlyList<string> Interactions, IReadOnlyList<string> SearchParameters);
