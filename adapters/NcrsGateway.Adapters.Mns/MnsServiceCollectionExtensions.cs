using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Mns;

public static class MnsServiceCollectionExtensions
{
    /// <summary>What the MNS adapter serves: no FHIR resource of the gateway's own; the subscriptions the events feature keeps. Never cached.</summary>
    public static readonly AdapterDescriptor Descriptor = new(
        SourceServices.Mns,
        MnsOptions.SectionName,
        typeof(IEventSubscriptions),
        [],
        CacheProfile.Never(SourceServices.Mns))
    {
        Budget = new RequestBudget(RequestsPerSecond: 1, Burst: 1), // a handful of calls at start: one a second is plenty
    };

    /// <summary>
    /// Registers the MNS subscription API adapter as the <see cref="IEventSubscriptions"/>, and its <see cref="Descriptor"/>.
    /// With <paramref name="onlyWhenConfigured"/> (the gateway's composition), nothing is registered without a <c>BaseUrl</c>.
    /// </summary>
    public static IServiceCollection AddMnsAdapter(this IServiceCollection services, IConfiguration configuration, bool onlyWhenConfigured = false)
    {
        if (onlyWhenConfigured && string.IsNullOrWhiteSpace(configuration[$"{MnsOptions.SectionName}:{nameof(MnsOptions.BaseUrl)}"]))
        {
            return services;
        }

        services.AddSingleton(Descriptor);
        services.AddUpstreamOptions<MnsOptions, MnsOptionsValidator, MnsOptionsRules>(configuration, Descriptor);
        services.AddStaticAccessToken<MnsOptions>(SourceServices.Mns);
        services.AddUpstreamHttpClient<IEventSubscriptions, MnsClient, MnsOptions>(MnsResilience.Configure);
        return services;
    }
}
