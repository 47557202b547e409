using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.ServiceDefaults;

namespace NcrsGateway.Caching.Redis;

/// <summary>Registers the optional shared Redis connection and its readiness check.</summary>
public static class RedisHosting
{
    public static IHostApplicationBuilder AddGatewayRedis(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(RedisConnection)))
        {
            return builder; // already added by another feature
        }

        builder.Services.AddOptions<RedisOptions>()
            .Bind(builder.Configuration.GetSection(RedisOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        builder.Services.TryAddSingleton<RedisConnection>();
        builder.Services.TryAddSingleton<NcrsGateway.Core.Ports.ISharedRequestBudget, RedisRequestBudget>(); // the adapters' request budgets
        builder.Services.TryAddSingleton<NcrsGateway.Core.Ports.ISharedRequestTraces, RedisRequestTraces>(); // the support lookup's shared records
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
