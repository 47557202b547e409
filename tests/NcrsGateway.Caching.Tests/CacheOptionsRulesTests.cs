using Microsoft.Extensions.Options;
using NcrsGateway.Caching.Redis;

namespace NcrsGateway.Caching.Tests;

public sealed class CacheOptionsRulesTests
{
    private static ValidateOptionsResult Validate(CacheOptions options) =>
        new CacheOptionsRules(Options.Create(new RedisOptions()), TestProfiles.All, []).Validate(null, options);

    [Fact]
    public void Validate_LifetimeForAKnownProfile_Succeeds() =>
        Assert.True(Validate(new CacheOptions { TimeToLive = { ["pds"] = TimeSpan.FromMinutes(1) } }).Succeeded);

    [Theory]
    [InlineData("typo", 60, "names no cache profile")]
    [InlineData("immunisation", 60, "never-cached")]
    [InlineData("nrl", 0, "between")]
    [InlineData("nrl", 7200, "between")]
    public void Validate_BadLifetime_FailsNamingTheKey(string profile, int seconds, string reason)
    {
        var result = Validate(new CacheOptions { TimeToLive = { [profile] = TimeSpan.FromSeconds(seconds) } });

        Assert.True(result.Failed);
        Assert.Contains("TimeToLive:" + profile, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SharedRedisWithoutKeyHashSecret_Fails()
    {
        var rules = new CacheOptionsRules(Options.Create(new RedisOptions { Configuration = "127.0.0.1:1" }), TestProfiles.All, []);

        Assert.Contains(nameof(CacheOptions.KeyHashSecret), rules.Validate(null, new CacheOptions()).FailureMessage, StringComparison.Ordinal);
    }
}
