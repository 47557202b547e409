using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Conformance;

/// <summary>What a real sandbox gateway emits validates against base R4, UK Core STU2 and our profiles with no error.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class EmittedResourceConformanceTests(FhirValidatorFixture validator, SandboxGatewayFixture gateway) : IClassFixture<SandboxGatewayFixture>
{
    [Theory]
    [MemberData(nameof(EmittedResources.Names), MemberType = typeof(EmittedResources))]
    public async Task EmittedResource_ValidatesAgainstR4AndUkCoreWithNoError(string name)
    {
        var (status, send) = EmittedResources.Cases[name];
        using var response = await send(gateway.Host);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{name}: expected {(int)status}, got {(int)response.StatusCode}: {json}");
        Assert.StartsWith("application/fhir+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);

        var errors = validator.Errors(json);

        Assert.True(errors.Count == 0, $"{name}: {errors.Count} error(s){Environment.NewLine}{FhirValidatorFixture.Describe(errors)}");
    }
}
