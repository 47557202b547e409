using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds;

public static class PdsServiceCollectionExtensions
{
    /// <summary>What the PDS adapter serves: Patient read and search; demographics cached (metadata only) for 5 minutes by default.</summary>
    public static readonly AdapterDescriptor Descriptor = new(
        "pds",
        PdsOptions.SectionName,
        typeof(IDemographicsSource),
        [new ServedResource("Patient", ["read", "search-type"], ["identifier", "family", "given", "birthdate", "gender", "address-postalcode"])],
        new CacheProfile("pds", TimeSpan.FromMinutes(5), ["Patient"]))
    {
        Budget = new RequestBudget(RequestsPerSecond: 5, Burst: 1), // PDS allows about 5 requests a second per application; calls spaced evenly (burst 1), as its spike arrest counts
    };

    /// <summary>
    /// Registers the PDS FHIR R4 adapter as the <see cref="IDemographicsSource"/>, and its <see cref="Descriptor"/>.
    /// With <paramref name="onlyWhenConfigured"/> (the gateway's composition), nothing is registered without a <c>BaseUrl</c>.
    /// </summary>
    public static IServiceCollection AddPdsAdapter(this IServiceCollection services, IConfiguration configuration, bool onlyWhenConfigured = false)
    {
        if (onlyWhenConfigured && string.IsNullOrWhiteSpace(configuration[$"{PdsOptions.SectionName}:{nameof(PdsOptions.BaseUrl)}"]))
        {
            return services;
        }

        services.AddSingleton(Descriptor);
        services.AddUpstreamOptions<PdsOptions, PdsOptionsValidator, PdsOptionsRules>(configuration, Descriptor);
        services.AddStaticAccessToken<PdsOptions>(SourceServices.Pds);
        services.AddUpstreamHttpClient<IDemographicsSource, PdsClient, PdsOptions>(PdsResilience.Configure);
        return services;
    }
}
