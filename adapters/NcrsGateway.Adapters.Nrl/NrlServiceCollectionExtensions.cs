using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl;

public static class NrlServiceCollectionExtensions
{
    /// <summary>Registers the NRL v3 consumer adapter as the <see cref="IRecordLocator"/>.</summary>
    public static IServiceCollection AddNrlAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUpstreamOptions<NrlOptions, NrlOptionsValidator, NrlOptionsRules>(configuration, NrlOptions.SectionName);
        services.TryAddKeyedSingleton<IUpstreamTokenProvider, NrlAccessTokenProvider>(SourceServices.Nrl);
        services.AddUpstreamHttpClient<IRecordLocator, NrlClient, NrlOptions>(NrlResilience.Configure);
        return services;
    }
}
