using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds;

public static class PdsServiceCollectionExtensions
{
    /// <summary>Registers the PDS FHIR R4 adapter as the <see cref="IDemographicsSource"/>.</summary>
    public static IServiceCollection AddPdsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUpstreamOptions<PdsOptions, PdsOptionsValidator, PdsOptionsRules>(configuration, PdsOptions.SectionName);
        services.TryAddKeyedSingleton<IUpstreamTokenProvider, PdsAccessTokenProvider>(SourceServices.Pds);
        services.AddUpstreamHttpClient<IDemographicsSource, PdsClient, PdsOptions>(PdsResilience.Configure);
        return services;
    }
}
