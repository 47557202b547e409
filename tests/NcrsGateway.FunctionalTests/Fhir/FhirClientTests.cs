using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Fhir;

/// <summary>A stock Firely client must work against the gateway with no custom handling.</summary>
public sealed class FhirClientTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private FhirClient Client() => new(fixture.Host.FhirBase, fixture.Host.CreateClinicianClient(), new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

    [Fact]
    public async Task FhirClient_ReadsAPatient()
    {
        using var client = Client();

        var patient = await client.ReadAsync<Patient>($"Patient/{SandboxPatients.Search}");

        Assert.Equal(SandboxPatients.Search, patient!.Id);
        Assert.Equal("Ashworth", patient.Name[0].Family);
    }

    [Fact]
    public async Task FhirClient_ReadsTheCapabilityStatement()
    {
        using var client = Client();

        var capabilities = await client.CapabilityStatementAsync();

        Assert.Equal(FHIRVersion.N4_0_1, capabilities!.FhirVersion);
        Assert.Contains(capabilities.Rest[0].Resource, r => r.Type == "Patient");
    }

    [Fact]
    public async Task FhirClient_SearchesByIdentifier()
    {
        using var client = Client();

        var bundle = await client.SearchAsync<Patient>(new SearchParams().Add("identifier", $"https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Minimal}"));

        Assert.Equal(SandboxPatients.Minimal, Assert.Single(bundle!.Entry).Resource.Id);
    }

    [Fact]
    public async Task FhirClient_SeesGatewayErrorsAsOperationOutcomes()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<Patient>("Patient/9000000000"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("invalid-nhs-number", error.Outcome.Issue[0].Details.Coding[0].Code);
    }
}
