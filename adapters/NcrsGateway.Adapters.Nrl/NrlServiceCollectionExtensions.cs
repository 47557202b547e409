using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl;

public static class NrlServiceCollectionExtensions
{
    /// <summary>Registers the NRL v3 consumer adapter as the <see cref="IRecordLocator"/>.</summary>
    public static IServiceCollection AddNrlAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NrlOptions>()
            .Bind(configuration.GetSection(NrlOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NrlOptions>, NrlOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NrlOptions>, NrlOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<IUpstreamTokenProvider, NrlAccessTokenProvider>(SourceServices.Nrl);

        var pipeline = services.AddHttpClient<IRecordLocator, NrlClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<NrlOptions>>().Value.BaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .RemoveAllLoggers() // the default handler logs request URLs, which can contain NHS numbers
            .AddStandardResilienceHandler();
        services.AddOptions<HttpStandardResilienceOptions>(pipeline.PipelineName)
            .Configure<IOptions<NrlOptions>, TimeProvider>((o, nrl, time) => NrlResilience.Configure(o, nrl.Value, time));
        return services;
    }
}
