using Microsoft.Extensions.Options;
using NcrsGateway.Caching.Redis;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Security;

namespace NcrsGateway.Caching;

/// <summary>
/// Cross-section rules: a shared cache needs a shared key-hash secret; a <c>Cache:TimeToLive</c> entry must name a
/// known, cacheable profile and stay within 1 s to 1 h.
/// </summary>
internal sealed class CacheOptionsRules(IOptions<RedisOptions> redis, IEnumerable<AdapterDescriptor> descriptors, IEnumerable<CacheProfile> registered)
    : IValidateOptions<CacheOptions>
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.Enabled && redis.Value.IsConfigured && string.IsNullOrWhiteSpace(options.KeyHashSecret))
        {
            builder.AddError("is required when Redis:Configuration is set, so every instance derives the same cache keys", nameof(CacheOptions.KeyHashSecret));
        }

        if (options.KeyHashSecret is { Length: > 0 } secret && KeyMaterial.Weakness(System.Text.Encoding.UTF8.GetBytes(secret)) is { } weakness)
        {
            builder.AddError(weakness, nameof(CacheOptions.KeyHashSecret));
        }

        var profiles = descriptors.Select(d => d.CacheProfile).Concat(registered).ToList();
        foreach (var (profile, ttl) in options.TimeToLive)
        {
            var key = $"{nameof(CacheOptions.TimeToLive)}:{profile}";
            var known = profiles.FirstOrDefault(p => string.Equals(p.Name, profile, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                builder.AddError($"names no cache profile (known: {string.Join(", ", profiles.Select(p => p.Name))})", key);
            }
            else if (known.NeverCache)
            {
                builder.AddError("is a never-cached profile (clinical content): remove the setting", key);
            }
            else if (ttl < Shortest || ttl > Longest)
            {
                builder.AddError("must be between 00:00:01 and 01:00:00", key);
            }
        }

        return builder.Build();
    }
}
