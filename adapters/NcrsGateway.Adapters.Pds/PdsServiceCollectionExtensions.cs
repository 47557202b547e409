using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds;

public static class PdsServiceCollectionExtensions
{
    /// <summary>Registers the PDS FHIR R4 adapter as the <see cref="IDemographicsSource"/>.</summary>
    public static IServiceCollection AddPdsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdsOptions>()
            .Bind(configuration.GetSection(PdsOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PdsOptions>, PdsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PdsOptions>, PdsOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<IUpstreamTokenProvider, PdsAccessTokenProvider>(SourceServices.Pds);

        var pipeline = services.AddHttpClient<IDemographicsSource, PdsClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<PdsOptions>>().Value.BaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .RemoveAllLoggers() // the default handler logs request URLs, which contain NHS numbers
            .AddStandardResilienceHandler();
        services.AddOptions<HttpStandardResilienceOptions>(pipeline.PipelineName)
            .Configure<IOptions<PdsOptions>>((o, pds) => PdsResilience.Configure(o, pds.Value));
        return services;
    }
}
