using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// Issue 9 item 9: <c>X-Workstation-ID</c> is a caller's assertion, not an identity. It obeys the identifier rule,
/// never overrides the token's claim, is ignored outside the sandbox unless turned on, and a workstation named only
/// by it belongs to the caller: naming someone else's workstation cannot cancel their selection.
/// </summary>
public sealed class WorkstationIdentityTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    private static readonly TestUser Victim = new("ws-victim-user", "clinician", "Y12345");
    private static readonly TestUser Intruder = new("ws-intruder-user", "clinician", "Y12345");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("ws 1")]
    [InlineData("ws-1;drop")]
    public async Task WorkstationHeaderWithMarkup_IsNeitherStoredNorReturnedByAuditSearch(string header)
    {
        var user = new TestUser("markup-" + Guid.NewGuid().ToString("N")[..8], "clinician", "Y12345");
        using var client = fixture.Host.CreateClient(TestTokens.Mint(user));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Search}");
        request.Headers.TryAddWithoutValidation("X-Workstation-ID", header);
        using var select = new HttpRequestMessage(HttpMethod.Post, "fhir/Patient/$select") { Content = ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search)) };
        select.Headers.TryAddWithoutValidation("X-Workstation-ID", header);
        using var auditor = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Auditor));

        using var read = await client.SendAsync(request);
        using var selected = await client.SendAsync(select);
        var refusal = new ClinicalContextClient.Answer(selected.StatusCode, await selected.Content.ReadAsStringAsync());
        var search = await auditor.GetStringAsync($"fhir/AuditEvent?agent={user.UserId}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-request"), (refusal.Status, refusal.ErrorCode));
        Assert.Contains("X-Workstation-ID", refusal.Json, StringComparison.Ordinal);
        var rows = fixture.Audit.Records.Where(r => r.UserId == user.UserId).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Null(r.WorkstationId));
        Assert.Contains(rows, r => r.Action == AuditActions.PatientRead && r.Detail!.Contains("X-Workstation-ID not recorded (invalid)", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Audit.Records, r => r.Action == AuditActions.PatientSelect && r.UserId == user.UserId && r.Outcome == AuditOutcome.Success);
        Assert.DoesNotContain(header, search, StringComparison.Ordinal);
        Assert.DoesNotContain("script", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkstationHeader_NeverOverridesTheTokensClaim()
    {
        using var client = fixture.Host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-from-claim"), workstationHeader: "ws-from-header");

        using var response = await client.PostAsync("fhir/Patient/$select", ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fixture.Audit.Records, r => r.Action == AuditActions.PatientSelect && r.WorkstationId == "ws-from-claim");
        Assert.DoesNotContain(fixture.Audit.Records, r => r.WorkstationId == "ws-from-header");
    }

    [Theory]
    [InlineData(true, "launch")]
    [InlineData(true, "select")]
    [InlineData(false, "launch")]
    [InlineData(false, "select")]
    public async Task NamingAnotherUsersWorkstationInTheHeader_NeverCancelsTheirSelection(bool victimHoldsClaim, string intrusion)
    {
        var workstation = $"ws-target-{victimHoldsClaim}-{intrusion}";
        using var victim = victimHoldsClaim
            ? fixture.Host.CreateClient(TestTokens.Mint(Victim, workstation))
            : fixture.Host.CreateClient(TestTokens.Mint(Victim), workstationHeader: workstation);
        using var intruder = fixture.Host.CreateClient(TestTokens.Mint(Intruder), workstationHeader: workstation);
        var selection = await PostAsync(victim, "fhir/Patient/$select", ClinicalContextClient.SelectBody(SandboxPatients.Search));
        Assert.Equal(HttpStatusCode.OK, selection.Status);

        var bogus = intrusion == "launch"
            ? await PostAsync(intruder, "fhir/Patient/$ncrs-launch", ClinicalContextClient.LaunchBody("not-a-real-selection-token"))
            : await PostAsync(intruder, "fhir/Patient/$select", ClinicalContextClient.SelectBody(SandboxPatients.Minimal));
        var launch = await PostAsync(victim, "fhir/Patient/$ncrs-launch", ClinicalContextClient.LaunchBody(selection.Value("selectionToken")));

        Assert.Equal(intrusion == "launch" ? HttpStatusCode.BadRequest : HttpStatusCode.OK, bogus.Status);
        Assert.Equal(SandboxPatients.Search, NcrsLaunchTests.LinkedNumber(launch));
    }

    [Fact]
    public async Task WorkstationHeader_IsIgnoredOutsideTheSandboxByDefault()
    {
        var settings = TestTokens.Settings();
        settings["Adapters:Pds:BaseUrl"] = "http://127.0.0.1:9/personal-demographics/FHIR/R4/";
        settings["Adapters:Nrl:BaseUrl"] = "http://127.0.0.1:9/record-locator/consumer/FHIR/R4/";
        settings["Ncrs:LaunchUrlTemplate"] = "https://ncrs.example.nhs.uk/launch?nhsNumber={nhsNumber}";
        settings["Gateway:PublicBaseUrl"] = "https://gateway.test.invalid/fhir";
        settings["Sandbox:Enabled"] = "false";
        await using var host = await GatewayHost.StartAsync(settings, b => b.Services.AddSingleton<IAuditTrail>(new InMemoryAuditTrail()));
        using var client = host.CreateClient(TestTokens.Mint(TestTokens.Clinician), workstationHeader: "ws-header");

        var launch = await PostAsync(client, "fhir/Patient/$ncrs-launch", ClinicalContextClient.LaunchBody(null));

        Assert.Equal((HttpStatusCode.BadRequest, "workstation-required"), (launch.Status, launch.ErrorCode));
    }

    [Fact]
    public async Task WorkstationHeader_IsUsedOutsideTheSandboxWhenTurnedOn()
    {
        var settings = TestTokens.Settings();
        settings["Adapters:Pds:BaseUrl"] = "http://127.0.0.1:9/personal-demographics/FHIR/R4/";
        settings["Adapters:Nrl:BaseUrl"] = "http://127.0.0.1:9/record-locator/consumer/FHIR/R4/";
        settings["Ncrs:LaunchUrlTemplate"] = "https://ncrs.example.nhs.uk/launch?nhsNumber={nhsNumber}";
        settings["Gateway:PublicBaseUrl"] = "https://gateway.test.invalid/fhir";
        settings["Sandbox:Enabled"] = "false";
        settings["ClinicalContext:AcceptWorkstationHeader"] = "true";
        await using var host = await GatewayHost.StartAsync(settings, b => b.Services.AddSingleton<IAuditTrail>(new InMemoryAuditTrail()));
        using var client = host.CreateClient(TestTokens.Mint(TestTokens.Clinician), workstationHeader: "ws-header");

        var launch = await PostAsync(client, "fhir/Patient/$ncrs-launch", ClinicalContextClient.LaunchBody(null));

        Assert.Equal((HttpStatusCode.BadRequest, "selection-missing"), (launch.Status, launch.ErrorCode));
    }

    private static async Task<ClinicalContextClient.Answer> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, ClinicalContextClient.Fhir(body));
        return new ClinicalContextClient.Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
