using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Fhir;

public sealed class MetadataTests(SandboxGatewayFixture fixture) : IClassFixture<SandboxGatewayFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Metadata_ListsPatientReadAndSearchWithTheirParameters()
    {
        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await _client.GetAsync("fhir/metadata"));

        var patient = Assert.Single(statement.Rest[0].Resource, r => r.Type == "Patient");
        Assert.Contains(patient.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Read);
        Assert.Contains(patient.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.SearchType);
        Assert.Contains(patient.SearchParam, p => p.Name == "birthdate");
        Assert.Equal(fixture.Host.FhirBase.ToString().TrimEnd('/'), statement.Implementation.Url);
    }

    [Fact]
    public async Task Metadata_MatchesThePublishedCapabilityStatementInProfiles()
    {
        var served = await FhirAssert.ResourceAsync<CapabilityStatement>(await _client.GetAsync("fhir/metadata"));
        var published = System.Text.Json.JsonSerializer.Deserialize<CapabilityStatement>(
            await File.ReadAllTextAsync(RepositoryFile("profiles/CapabilityStatement-NcrsGateway.json")), Core.Fhir.FhirJson.Options)!;

        served.Implementation = null;
        published.Implementation = null;
        served.Software.Version = published.Software.Version = null;
        Assert.True(served.IsExactly(published), "profiles/CapabilityStatement-NcrsGateway.json is out of date: regenerate it from GET /fhir/metadata (see README).");
    }

    [Fact]
    public async Task UnknownRoute_Returns404OperationOutcome()
    {
        using var signedIn = fixture.Host.CreateClinicianClient(); // anonymous callers get 401 first, even on unknown routes
        await FhirAssert.OutcomeAsync(await signedIn.GetAsync("fhir/Observation/1"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task XmlRequested_Returns406OperationOutcome()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "fhir/metadata");
        request.Headers.Add("Accept", "application/fhir+xml");

        await FhirAssert.OutcomeAsync(await _client.SendAsync(request), HttpStatusCode.NotAcceptable, "unsupported-format");
    }

    private static string RepositoryFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NcrsGateway.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Repository root not found."), relative);
    }
}
