using System.Net;
using System.Text.Json;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.Support;

/// <summary>
/// <c>GET /ops/correlation/{id}</c>: support staff find one request's route, status, outcome, upstream calls, cache
/// decision and audit write by its correlation ID, from any instance; nobody else may; nothing in it names the patient.
/// </summary>
public sealed class OpsCorrelationTests
{
    private const string Number = "9434765919";

    [Fact]
    public async Task Support_LooksUpAPatientRead_SeesRouteTemplateStatusPdsCallCacheAndAudit_WithoutThePatient()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf(Number)).RespondWith(pds.PatientResponse(Number));
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        using var clinician = host.CreateClinicianClient();
        using var support = host.CreateClient(TestTokens.Mint(TestTokens.Support));
        clinician.DefaultRequestHeaders.Add("X-Correlation-ID", "ops-read-1");

        using var read = await clinician.GetAsync($"fhir/Patient/{Number}");
        using var lookup = await support.GetAsync("ops/correlation/ops-read-1");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        var text = await lookup.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Number, text, StringComparison.Ordinal);
        Assert.DoesNotContain("test-clinician", text, StringComparison.Ordinal);
        var request = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("requests").EnumerateArray());
        Assert.Equal("/fhir/Patient/{nhsNumber}", request.GetProperty("route").GetString());
        Assert.Equal(200, request.GetProperty("status").GetInt32());
        Assert.Equal("ok", request.GetProperty("outcome").GetString());
        Assert.Equal("miss", request.GetProperty("cache").GetString());
        Assert.True(request.GetProperty("auditMs").GetDouble() >= 0);
        Assert.False(string.IsNullOrEmpty(request.GetProperty("instance").GetString()));
        var call = Assert.Single(request.GetProperty("upstreamCalls").EnumerateArray());
        Assert.Equal("PDS", call.GetProperty("adapter").GetString());
        Assert.Equal(200, call.GetProperty("status").GetInt32());
        Assert.Equal(1, call.GetProperty("attempts").GetInt32());
        Assert.False(call.GetProperty("timedOut").GetBoolean());
        Assert.True(call.GetProperty("startOffsetMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task AFailedRequest_IsListedWithItsOutcomeCode_AndAmongRecentFailures()
    {
        using var pds = new PdsUpstream();
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        using var clinician = host.CreateClinicianClient();
        using var support = host.CreateClient(TestTokens.Mint(TestTokens.Support));
        clinician.DefaultRequestHeaders.Add("X-Correlation-ID", "ops-bad-number");

        using var bad = await clinician.GetAsync("fhir/Patient/1234567890");
        using var lookup = await support.GetAsync("ops/correlation/ops-bad-number");
        using var recent = await support.GetAsync("ops/recent");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var request = Assert.Single(JsonDocument.Parse(await lookup.Content.ReadAsStringAsync()).RootElement.GetProperty("requests").EnumerateArray());
        Assert.Equal(400, request.GetProperty("status").GetInt32());
        Assert.Equal("invalid-nhs-number", request.GetProperty("outcome").GetString());
        var recentText = await recent.Content.ReadAsStringAsync();
        Assert.Contains("ops-bad-number", recentText, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567890", recentText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clinician")]
    [InlineData("auditor")]
    [InlineData("reader")]
    public async Task NonSupportRoles_Get403(string role)
    {
        using var pds = new PdsUpstream();
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        using var client = host.CreateClient(TestTokens.Mint(new TestUser("someone", role, "Y12345")));

        using var lookup = await client.GetAsync("ops/correlation/anything");
        using var recent = await client.GetAsync("ops/recent");

        Assert.Equal(HttpStatusCode.Forbidden, lookup.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, recent.StatusCode);
    }

    [Fact]
    public async Task UnknownOrMalformedId_IsAClearOperationOutcome()
    {
        using var pds = new PdsUpstream();
        await using var host = await GatewayHost.StartAsync(pds.Settings());
        using var support = host.CreateClient(TestTokens.Mint(TestTokens.Support));

        using var unknown = await support.GetAsync("ops/correlation/never-seen");
        using var malformed = await support.GetAsync("ops/correlation/" + Uri.EscapeDataString("<script>"));

        await FhirAssert.OutcomeAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await FhirAssert.OutcomeAsync(malformed, HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task RequestServedByOneInstance_IsFoundByAskingAnother_ThroughRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        using var sandbox = SandboxUpstreams.Start();
        var prefix = "o" + Guid.NewGuid().ToString("N")[..8] + ":";
        var settingsA = Caching.SharedRedisGateways.Settings(redis, sandbox, prefix);
        settingsA["Telemetry:InstanceName"] = "gw-a";
        var settingsB = Caching.SharedRedisGateways.Settings(redis, sandbox, prefix);
        settingsB["Telemetry:InstanceName"] = "gw-b";
        await using var a = await GatewayHost.StartAsync(settingsA);
        await using var b = await GatewayHost.StartAsync(settingsB);
        using var clinician = a.CreateClinicianClient();
        using var support = b.CreateClient(TestTokens.Mint(TestTokens.Support));
        clinician.DefaultRequestHeaders.Add("X-Correlation-ID", "ops-shared-1");

        using var read = await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        // The copy to Redis is made off the request path: ask until it is there (bounded).
        string? text = null;
        for (var i = 0; i < 100 && text is null; i++)
        {
            using var lookup = await support.GetAsync("ops/correlation/ops-shared-1");
            text = lookup.StatusCode == HttpStatusCode.OK ? await lookup.Content.ReadAsStringAsync() : null;
            if (text is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(text);
        var request = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("requests").EnumerateArray());
        Assert.Equal("gw-a", request.GetProperty("instance").GetString());
        Assert.Equal("PDS", Assert.Single(request.GetProperty("upstreamCalls").EnumerateArray()).GetProperty("adapter").GetString());
        Assert.DoesNotContain(SandboxPatients.Minimal, text, StringComparison.Ordinal);
    }
}
