using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using NcrsGateway.Hosting;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// Issue 9 item 1: the sandbox runs only when asked for (<c>Sandbox:Enabled=true</c>), never beside a real upstream or
/// production authentication; its tokens carry its own issuer and key, which no other gateway accepts; an adapter with
/// no base URL is simply absent.
/// </summary>
public sealed class SandboxIsolationTests
{
    private static FormUrlEncodedContent DemoClinician() =>
        new(new Dictionary<string, string> { ["user"] = "demo-clinician", ["workstation"] = "ws-1" });

    [Fact]
    public async Task PartialRollout_PdsAndSigningKeyButNoNrl_StartsNoSandboxAndMintsNoTokens()
    {
        using var pds = new PdsUpstream();
        await using var host = await GatewayHost.StartAsync(pds.Settings()); // TestTokens' signing key, no NRL
        using var anonymous = host.CreateClient();
        using var clinician = host.CreateClinicianClient();

        using var token = await anonymous.PostAsync("sandbox/token", DemoClinician());
        using var signedIn = await clinician.PostAsync("sandbox/token", DemoClinician());

        Assert.Null(host.Services.GetService<SandboxUpstreams>());
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        await FhirAssert.OutcomeAsync(signedIn, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task PdsOnly_NrlRoutesAndCapabilitiesAreAbsent_NotSimulated()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf("9434765919")).RespondWith(pds.PatientResponse("9434765919"));
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        using var client = host.CreateClinicianClient();

        using var patient = await client.GetAsync("fhir/Patient/9434765919");
        using var search = await client.GetAsync("fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919");
        using var binary = await client.GetAsync($"fhir/Binary/{NrlSandboxPointers.CrisisPlanId}");
        using var revInclude = await client.GetAsync("fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919&_revinclude=DocumentReference:subject");
        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await client.GetAsync("fhir/metadata"));

        Assert.Equal(HttpStatusCode.OK, patient.StatusCode);
        await FhirAssert.OutcomeAsync(search, HttpStatusCode.NotFound, "not-found");
        await FhirAssert.OutcomeAsync(binary, HttpStatusCode.NotFound, "not-found");
        await FhirAssert.OutcomeAsync(revInclude, HttpStatusCode.BadRequest, "invalid-search");
        var types = statement.Rest[0].Resource.Select(r => r.Type).ToList();
        Assert.Equal(["Patient", "AuditEvent"], types);
        Assert.Empty(statement.Rest[0].Resource[0].SearchRevInclude);
    }

    [Fact]
    public async Task NrlOnly_PatientRoutesAndClinicalContextOperationsAreAbsent()
    {
        using var nrl = new NrlUpstream();
        await using var host = await GatewayHost.StartAsync(nrl.Settings());
        using var client = host.CreateClinicianClient();

        using var patient = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
        using var verify = await client.PostAsync("fhir/Patient/$verify", ClinicalContext.ClinicalContextClient.Fhir("{\"resourceType\":\"Parameters\"}"));
        var statement = await FhirAssert.ResourceAsync<CapabilityStatement>(await client.GetAsync("fhir/metadata"));

        await FhirAssert.OutcomeAsync(patient, HttpStatusCode.NotFound, "not-found");
        await FhirAssert.OutcomeAsync(verify, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(["DocumentReference", "Binary", "AuditEvent"], statement.Rest[0].Resource.Select(r => r.Type).ToList());
        Assert.Equal(0, nrl.Calls);
    }

    [Fact]
    public async Task NoUpstreamAndSandboxNotAskedFor_StartsNoSimulatorsAndServesNoPatients()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Enabled"] = null });
        using var anonymous = host.CreateClient();
        using var clinician = host.CreateClinicianClient();

        using var token = await anonymous.PostAsync("sandbox/token", DemoClinician());
        using var patient = await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Search}");

        Assert.Null(host.Services.GetService<SandboxUpstreams>());
        Assert.NotEqual(HttpStatusCode.OK, token.StatusCode);
        await FhirAssert.OutcomeAsync(patient, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("Adapters:Pds:BaseUrl", "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4/")]
    [InlineData("Adapters:Nrl:BaseUrl", "https://int.api.service.nhs.uk/record-locator/consumer/FHIR/R4/")]
    [InlineData("Authentication:SigningKey", TestTokens.WrongKey)]
    [InlineData("Authentication:Authority", "https://login.cis2.example.nhs.uk/")]
    [InlineData("Documents:SspBaseUrl", "https://proxy.spine.example.nhs.uk/")]
    public async Task SandboxEnabled_WithARealUpstreamOrProductionKey_IsRefusedNamingTheKey(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true", [key] = value };

        var error = await Assert.ThrowsAsync<GatewayConfigurationException>(() => GatewayHost.StartAsync(settings));

        var line = Assert.Single(error.Errors);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains("Sandbox:Enabled", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxToken_IsSignedOnlyWithTheSandboxIssuer_AndRefusedByANonSandboxGateway()
    {
        await using var sandbox = await GatewayHost.StartAsync();
        using var anonymous = sandbox.CreateClient();
        using var issued = await anonymous.PostAsync("sandbox/token", DemoClinician());
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal("https://ncrs-gateway.sandbox.invalid/issuer", new JsonWebToken(token).Issuer);

        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf("9434765919")).RespondWith(pds.PatientResponse("9434765919"));
        await using var real = await GatewayHost.StartAsync(pds.Settings());
        using var withSandboxToken = real.CreateClient(token);
        using var refused = await withSandboxToken.GetAsync("fhir/Patient/9434765919");

        await FhirAssert.OutcomeAsync(refused, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(0, pds.Calls);
    }

    [Fact]
    public async Task NonSandboxGateway_ConfiguredWithTheSandboxIssuer_IsRefused()
    {
        using var pds = new PdsUpstream();
        var settings = pds.Settings();
        settings["Authentication:Issuer"] = "https://ncrs-gateway.sandbox.invalid/issuer";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("sandbox issuer", error.Message, StringComparison.Ordinal);
    }
}
