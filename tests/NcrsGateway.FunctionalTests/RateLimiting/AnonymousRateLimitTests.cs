using System.Net;
using NcrsGateway.FunctionalTests.Inbound;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.RateLimiting;

/// <summary>Callers without a valid token have buckets of their own: they never drain an authenticated caller's.</summary>
public sealed class AnonymousRateLimitTests : IDisposable
{
    private readonly SandboxUpstreams _sandbox = SandboxUpstreams.Start();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task AnonymousFlood_LeavesTokensWithAndWithoutOdsUnlimited()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Adapters:Pds:BaseUrl"] = _sandbox.PdsBaseUrl.ToString(),
            ["Adapters:Pds:AccessToken"] = "sandbox-token",
            ["RateLimits:PerClient:TokenLimit"] = "1000",
            ["RateLimits:PerClient:TokensPerPeriod"] = "1",
            ["RateLimits:PerClient:ReplenishmentPeriod"] = "00:10:00",
            ["RateLimits:PerOrganisation:TokenLimit"] = "3",
            ["RateLimits:PerOrganisation:TokensPerPeriod"] = "1",
            ["RateLimits:PerOrganisation:ReplenishmentPeriod"] = "00:10:00",
            ["RateLimits:Anonymous:TokenLimit"] = "5",
            ["RateLimits:Anonymous:TokensPerPeriod"] = "1",
            ["RateLimits:Anonymous:ReplenishmentPeriod"] = "00:10:00",
        });
        using var anonymous = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await anonymous.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
            statuses.Add(response.StatusCode);
        }

        var withoutOds = InboundTokens.Claims(TestTokens.Clinician, "ws-tests");
        withoutOds.Remove("ods");
        using var noOdsClient = host.CreateClient(InboundTokens.Mint(withoutOds));
        using var clinician = host.CreateClinicianClient();
        using var noOds = await noOdsClient.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
        using var withOds = await clinician.GetAsync($"fhir/Patient/{SandboxPatients.Search}");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, noOds.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOds.StatusCode);
    }
}
