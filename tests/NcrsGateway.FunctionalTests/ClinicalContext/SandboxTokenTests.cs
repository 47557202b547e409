using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>The sandbox's development token issuer: on with the sandbox (no configured key needed), absent without it.</summary>
public sealed class SandboxTokenTests
{
    [Fact]
    public async Task SandboxToken_DemoClinician_CanVerifySelectAndLaunchEndToEnd()
    {
        var audit = new InMemoryAuditTrail();
        await using var host = await GatewayHost.StartAsync(configure: b => b.Services.AddSingleton<IAuditTrail>(audit));
        using var anonymous = host.CreateClient();

        using var tokenResponse = await anonymous.PostAsync("sandbox/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = "demo-clinician",
            ["workstation"] = "ws-demo",
        }));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        using var http = host.CreateClient(token);
        using var select = await http.PostAsync("fhir/Patient/$select", ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search)));
        var selection = new ClinicalContextClient.Answer(select.StatusCode, await select.Content.ReadAsStringAsync());
        using var launch = await http.PostAsync("fhir/Patient/$ncrs-launch", ClinicalContextClient.Fhir(ClinicalContextClient.LaunchBody(selection.Value("selectionToken"))));
        var launched = new ClinicalContextClient.Answer(launch.StatusCode, await launch.Content.ReadAsStringAsync());

        Assert.Equal(SandboxPatients.Search, NcrsLaunchTests.LinkedNumber(launched));
        Assert.Contains(audit.Records, r => r.Action == AuditActions.NcrsLaunch && r.UserId == "555000000011" && r.OrganisationOds == "Y12345" && r.WorkstationId == "ws-demo");
    }

    [Fact]
    public async Task SandboxToken_JsonBodyUnknownUser_Returns400OperationOutcome()
    {
        await using var host = await GatewayHost.StartAsync(configure: b => b.Services.AddSingleton<IAuditTrail>(new InMemoryAuditTrail()));
        using var anonymous = host.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("sandbox/token", new { user = "root" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid-request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxToken_IsNotMapped_WhenSandboxIsOff()
    {
        var settings = TestTokens.Settings();
        settings["Adapters:Pds:BaseUrl"] = "http://127.0.0.1:9/personal-demographics/FHIR/R4/";
        settings["Adapters:Nrl:BaseUrl"] = "http://127.0.0.1:9/record-locator/consumer/FHIR/R4/"; // every adapter configured: no sandbox
        settings["Ncrs:LaunchUrlTemplate"] = "https://ncrs.example.nhs.uk/launch?nhsNumber={nhsNumber}";
        await using var host = await GatewayHost.StartAsync(settings, b => b.Services.AddSingleton<IAuditTrail>(new InMemoryAuditTrail()));
        using var anonymous = host.CreateClient();
        using var authenticated = host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-1"));

        using var token = await anonymous.PostAsync("sandbox/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-clinician" }));
        using var tokenSignedIn = await authenticated.PostAsync("sandbox/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-clinician" }));
        using var page = await authenticated.GetAsync($"sandbox/ncrs?nhsNumber={SandboxPatients.Search}");

        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode); // not mapped: falls to the authenticated-by-default policy
        Assert.Equal(HttpStatusCode.NotFound, tokenSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Start_WithoutKeyOrAuthority_FailsWhenSandboxIsOff()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Pds:BaseUrl"] = "http://127.0.0.1:9/personal-demographics/FHIR/R4/",
            ["Adapters:Nrl:BaseUrl"] = "http://127.0.0.1:9/record-locator/consumer/FHIR/R4/",
            ["Authentication:SigningKey"] = string.Empty, // no key, no authority
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("Authority", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LaunchTemplateWithoutPlaceholder_Fails()
    {
        var settings = TestTokens.Settings();
        settings["Ncrs:LaunchUrlTemplate"] = "https://ncrs.example.nhs.uk/launch";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("{nhsNumber}", error.ToString(), StringComparison.Ordinal);
    }
}
