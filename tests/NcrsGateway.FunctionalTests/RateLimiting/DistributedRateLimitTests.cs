using System.Net;
using NcrsGateway.FunctionalTests.Caching;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.RateLimiting;

/// <summary>Inbound token buckets: shared across instances through Redis, per instance without it.</summary>
public sealed class DistributedRateLimitTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private SandboxUpstreams _sandbox = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _sandbox = SandboxUpstreams.Start();
    }

    public async Task DisposeAsync()
    {
        _sandbox.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task PerClientLimit_IsEnforcedAcrossBothInstancesInSum()
    {
        var settings = SharedRedisGateways.Settings(_redis, _sandbox, "r" + Guid.NewGuid().ToString("N")[..8] + ":", rateLimits: true);
        settings["RateLimits:PerClient:TokenLimit"] = "5";
        settings["RateLimits:PerClient:TokensPerPeriod"] = "1";
        settings["RateLimits:PerClient:ReplenishmentPeriod"] = "00:10:00";
        await using var a = await GatewayHost.StartAsync(settings);
        await using var b = await GatewayHost.StartAsync(settings);
        using var clientA = a.CreateClinicianClient();
        using var clientB = b.CreateClinicianClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            responses.Add(await (i % 2 == 0 ? clientA : clientB).GetAsync($"fhir/Patient/{SandboxPatients.Minimal}"));
        }

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, rejected.Count);
        Assert.Contains(rejected, r => r.RequestMessage!.RequestUri!.Port == a.BaseAddress.Port);
        Assert.Contains(rejected, r => r.RequestMessage!.RequestUri!.Port == b.BaseAddress.Port);
        foreach (var response in rejected)
        {
            await FhirAssert.OutcomeAsync(response, HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.Equal(TimeSpan.FromMinutes(10), response.Headers.RetryAfter?.Delta);
        }

        using var metadata = await clientA.GetAsync("fhir/metadata");
        using var health = await clientB.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task PerOrganisationLimit_WithoutRedis_AppliesPerInstance()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Adapters:Pds:BaseUrl"] = _sandbox.PdsBaseUrl.ToString(),
            ["Adapters:Pds:AccessToken"] = "sandbox-token",
            ["RateLimits:PerOrganisation:TokenLimit"] = "2",
            ["RateLimits:PerOrganisation:TokensPerPeriod"] = "1",
            ["RateLimits:PerOrganisation:ReplenishmentPeriod"] = "00:05:00",
        });
        using var client = host.CreateClinicianClient();

        using var first = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
        using var second = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
        using var third = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await FhirAssert.OutcomeAsync(third, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.NotNull(third.Headers.RetryAfter);
    }
}
