using Microsoft.Extensions.Options;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>Cache, Redis and rate-limit options are validated when the gateway starts.</summary>
public sealed class CacheOptionsTests
{
    [Fact]
    public async Task Start_RedisConfiguredWithoutKeyHashSecret_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartWithSimulatorsAsync(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=100",
            ["Redis:ConnectTimeout"] = "00:00:00.200",
        }));

        Assert.Contains("KeyHashSecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cache:PatientTtl", "00:00:00")]
    [InlineData("Cache:TimeToLive:no-such-profile", "00:01:00")]
    [InlineData("Cache:TimeToLive:pds", "02:00:00")]
    [InlineData("Cache:Unknown", "1")]
    [InlineData("RateLimits:PerClient:TokensPerPeriod", "1000")]
    public async Task Start_InvalidSetting_Fails(string key, string value)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(new Dictionary<string, string?> { [key] = value }));
    }
}
