namespace NcrsGateway.FunctionalTests.Conformance;

/// <summary>The tests that validate what the gateway emits: one <see cref="FhirValidatorFixture"/> for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<FhirValidatorFixture>
{
    public const string Name = "Conformance";
}
