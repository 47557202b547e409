using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Caching.Redis;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Caching;

/// <summary>Registers the metadata cache (both tiers, the invalidation backplane and its options).</summary>
public static class MetadataCacheServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddMetadataCache(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGatewayRedis();
        var services = builder.Services;
        services.AddOptions<CacheOptions>()
            .Bind(builder.Configuration.GetSection(CacheOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHybridCache(o => o.MaximumPayloadBytes = 8 * 1024 * 1024)
            .AddSerializer<CachedFhirResponse, CachedFhirResponseSerializer>();
        services.TryAddSingleton<CachedFhirResponseSerializer>();
        services.TryAddSingleton<CacheKeys>();
        services.TryAddSingleton<CacheProfiles>();
        services.TryAddSingleton<RedisMetadataStore>();
        services.TryAddSingleton(sp => new MetadataCache( // its constructor is not part of the public contract
            sp.GetRequiredService<HybridCache>(),
            sp.GetRequiredService<RedisMetadataStore>(),
            sp.GetRequiredService<CacheKeys>(),
            sp.GetRequiredService<CacheProfiles>(),
            sp.GetRequiredService<IOptionsMonitor<CacheOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MetadataCache>>()));
        services.TryAddSingleton<IMetadataCacheInvalidator>(sp => sp.GetRequiredService<MetadataCache>());
        services.AddHostedService<CacheInvalidationBackplane>();
        return builder;
    }
}
