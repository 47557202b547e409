using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl;

public static class NrlServiceCollectionExtensions
{
    /// <summary>What the NRL adapter serves: DocumentReference read and search; pointers cached for 2 minutes by default.</summary>
    public static readonly AdapterDescriptor Descriptor = new(
        "nrl",
        NrlOptions.SectionName,
        typeof(IRecordLocator),
        [new ServedResource("DocumentReference", ["read", "search-type"], ["subject:identifier", "type", "category"])],
        new CacheProfile("nrl", TimeSpan.FromMinutes(2), ["DocumentReference"]))
    {
        Budget = new RequestBudget(RequestsPerSecond: 5, Burst: 1), // no published figure: the API platform's usual 5 a second per application, spaced evenly
    };

    /// <summary>
    /// Registers the NRL v3 consumer adapter as the <see cref="IRecordLocator"/>, and its <see cref="Descriptor"/>.
    /// With <paramref name="onlyWhenConfigured"/> (the gateway's composition), nothing is registered without a <c>BaseUrl</c>.
    /// </summary>
    public static IServiceCollection AddNrlAdapter(this IServiceCollection services, IConfiguration configuration, bool onlyWhenConfigured = false)
    {
        if (onlyWhenConfigured && string.IsNullOrWhiteSpace(configuration[$"{NrlOptions.SectionName}:{nameof(NrlOptions.BaseUrl)}"]))
        {
            return services;
        }

        services.AddSingleton(Descriptor);
        services.AddUpstreamOptions<NrlOptions, NrlOptionsValidator, NrlOptionsRules>(configuration, Descriptor);
        services.AddStaticAccessToken<NrlOptions>(SourceServices.Nrl);
        services.AddUpstreamHttpClient<IRecordLocator, NrlClient, NrlOptions>(NrlResilience.Configure);
        return services;
    }
}
