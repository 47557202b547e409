using Microsoft.Extensions.Options;
using NcrsGateway.Caching.Redis;

namespace NcrsGateway.Caching;

/// <summary>Cross-section rules: a shared cache needs a shared key-hash secret.</summary>
internal sealed class CacheOptionsRules(IOptions<RedisOptions> redis) : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.Enabled && redis.Value.IsConfigured && string.IsNullOrWhiteSpace(options.KeyHashSecret))
        {
            builder.AddError("is required when Redis:Configuration is set, so every instance derives the same cache keys", nameof(CacheOptions.KeyHashSecret));
        }

        return builder.Build();
    }
}
