using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NcrsGateway.Security;
using NcrsGateway.Security.Cis2;

namespace NcrsGateway.FunctionalTests.Identity;

/// <summary>The per-token UserInfo cache: bounded, and no entry outlives its token or the configured lifetime.</summary>
public sealed class Cis2UserInfoCacheTests
{
    private static readonly Cis2UserInfo Info = new([new Cis2Role("role-1", "RBA", "S8000:G8000:R8000", [])], null, "555500000001");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public void Entry_ExpiresWithItsToken_WhenTheTokenExpiresBeforeTheConfiguredLifetime()
    {
        using var cache = Cache(lifetime: TimeSpan.FromMinutes(10));
        cache.Set("token-a", _time.GetUtcNow().AddMinutes(2), Info);

        var before = cache.TryGet("token-a", out _);
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal((true, false), (before, cache.TryGet("token-a", out _)));
    }

    [Fact]
    public void Entry_ExpiresAfterTheConfiguredLifetime_WhenTheTokenLivesLonger()
    {
        using var cache = Cache(lifetime: TimeSpan.FromMinutes(1));
        cache.Set("token-a", _time.GetUtcNow().AddHours(1), Info);

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(cache.TryGet("token-a", out _));
    }

    [Fact]
    public void Cache_HoldsNoMoreTokensThanItsConfiguredSize()
    {
        using var cache = Cache(size: 2);
        foreach (var token in new[] { "token-a", "token-b", "token-c", "token-d" })
        {
            cache.Set(token, _time.GetUtcNow().AddHours(1), Info);
        }

        Assert.True(cache.Count <= 2, $"{cache.Count} entries held");
        Assert.True(cache.TryGet("token-a", out var held) && held == Info);
    }

    private Cis2UserInfoCache Cache(TimeSpan? lifetime = null, int size = 100) =>
        new(Options.Create(new GatewayAuthenticationOptions { Cis2 = new Cis2Options { UserInfoCacheLifetime = lifetime ?? TimeSpan.FromMinutes(5), UserInfoCacheSize = size } }), _time);
}
