using System.Net;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;
using StackExchange.Redis;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>
/// Issue 14 item 4: every Redis key (and channel) the gateway writes starts with <c>Redis:InstanceName</c>, so two
/// deployments sharing one real redis-server never supersede each other's selections or drain each other's buckets.
/// </summary>
public sealed class RedisInstanceNameTests : IAsyncLifetime
{
    private readonly string _prefixA = "a" + Guid.NewGuid().ToString("N")[..8] + ":";
    private readonly string _prefixB = "b" + Guid.NewGuid().ToString("N")[..8] + ":";
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task TwoDeploymentsOnOneRedis_SameUserAndWorkstation_NeitherSupersedesTheOthersSelection()
    {
        await using var a = await StartAsync(_prefixA);
        await using var b = await StartAsync(_prefixB);
        using var onA = new ClinicalContextClient(a, TestTokens.Clinician, "ws-shared");
        using var onB = new ClinicalContextClient(b, TestTokens.Clinician, "ws-shared");

        var tokenA = await onA.SelectTokenAsync(SandboxPatients.Search);
        var tokenB = await onB.SelectTokenAsync(SandboxPatients.Minimal); // one deployment's selection supersedes only its own
        var launchA = await onA.LaunchAsync(tokenA);
        var launchB = await onB.LaunchAsync(tokenB);

        Assert.Equal(HttpStatusCode.OK, launchA.Status);
        Assert.Equal(HttpStatusCode.OK, launchB.Status);
        var keys = await KeysAsync();
        Assert.Contains(keys, k => k.StartsWith(_prefixA + "selection:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(_prefixB + "selection:", StringComparison.Ordinal));
        AssertEveryKeyIsUnderAnInstanceName(keys);
    }

    [Fact]
    public async Task TwoDeploymentsOnOneRedis_OneDrainsItsClientBucket_TheOtherStillAnswers()
    {
        var limits = new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:PerClient:TokenLimit"] = "3",
            ["RateLimits:PerClient:TokensPerPeriod"] = "1",
            ["RateLimits:PerClient:ReplenishmentPeriod"] = "00:10:00",
        };
        await using var a = await StartAsync(_prefixA, limits);
        await using var b = await StartAsync(_prefixB, limits);
        using var clientA = a.CreateClinicianClient();
        using var clientB = b.CreateClinicianClient();

        var onA = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await clientA.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}");
            onA.Add(response.StatusCode);
        }

        using var onB = await clientB.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], onA);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode); // same user, same organisation: its own deployment's bucket
        var keys = await KeysAsync();
        Assert.Contains(keys, k => k.StartsWith(_prefixA + "rl:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(_prefixB + "rl:", StringComparison.Ordinal));
        AssertEveryKeyIsUnderAnInstanceName(keys);
        var channels = await ChannelsAsync();
        Assert.Contains(_prefixA + "invalidate", channels);
        Assert.All(channels, c => Assert.True(c.StartsWith(_prefixA, StringComparison.Ordinal) || c.StartsWith(_prefixB, StringComparison.Ordinal), $"channel '{c}'"));
    }

    private Task<GatewayHost> StartAsync(string instanceName, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = _redis.Configuration,
            ["Redis:InstanceName"] = instanceName,
            ["Cache:KeyHashSecret"] = SharedRedisGateways.KeyHashSecret,
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return GatewayHost.StartWithSimulatorsAsync(settings);
    }

    private void AssertEveryKeyIsUnderAnInstanceName(List<string> keys)
    {
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(k.StartsWith(_prefixA, StringComparison.Ordinal) || k.StartsWith(_prefixB, StringComparison.Ordinal), $"key '{k}' is under no Redis:InstanceName"));
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port},allowAdmin=true");
        var keys = new List<string>();
        await foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).KeysAsync(pattern: "*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    private async Task<List<string>> ChannelsAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_redis.Port},allowAdmin=true");
        var channels = await redis.GetServer(redis.GetEndPoints()[0]).SubscriptionChannelsAsync();
        var libraryOwn = ConfigurationOptions.Parse(_redis.Configuration).ConfigurationChannel; // StackExchange.Redis's primary-change broadcast, shared by design
        return channels.Select(c => c.ToString()).Where(c => c != libraryOwn).ToList();
    }
}
