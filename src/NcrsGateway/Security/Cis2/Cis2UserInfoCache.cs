using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Security.Cis2;

/// <summary>
/// UserInfo answers held in this process only (the roles are personal data: never Redis, never disk), keyed by the
/// SHA-256 of the access token (never the token itself). At most <see cref="Cis2Options.UserInfoCacheSize"/> tokens;
/// an entry lives no longer than <see cref="Cis2Options.UserInfoCacheLifetime"/> nor past the token's expiry, measured
/// on the injected <see cref="TimeProvider"/>. Failures are not cached.
/// </summary>
internal sealed class Cis2UserInfoCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public Cis2UserInfoCache(IOptions<GatewayAuthenticationOptions> options, TimeProvider time)
    {
        var cis2 = options.Value.Cis2;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = cis2.UserInfoCacheSize, CompactionPercentage = 0.25 });
        _time = time;
        _lifetime = cis2.UserInfoCacheLifetime;
    }

    public int Count => _cache.Count;

    public bool TryGet(string accessToken, out Cis2UserInfo? info)
    {
        info = null;
        if (_cache.TryGetValue(Key(accessToken), out Entry? entry) && entry is not null && _time.GetUtcNow() < entry.Expires)
        {
            info = entry.Info;
            return true;
        }

        return false;
    }

    public void Set(string accessToken, DateTimeOffset tokenExpires, Cis2UserInfo info)
    {
        var expires = Min(_time.GetUtcNow() + _lifetime, tokenExpires);
        var remaining = expires - _time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        _cache.Set(Key(accessToken), new Entry(info, expires), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = remaining,
        });
    }

    public void Dispose() => _cache.Dispose();

    private static string Key(string accessToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accessToken)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry(Cis2UserInfo Info, DateTimeOffset Expires);
}
