using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

internal static class ProbeServiceCollectionExtensions
{
    public const string Key = "probe";

    /// <summary>Registers the probe adapter as real adapters register themselves, with the given defects.</summary>
    public static IServiceCollection AddProbeAdapter(this IServiceCollection services, IConfiguration configuration, ProbeFlaws flaws)
    {
        services.AddUpstreamOptions<ProbeOptions, ProbeOptionsValidator, ProbeOptionsRules>(configuration, ProbeOptions.SectionName);
        services.TryAddKeyedSingleton<IUpstreamTokenProvider>(Key, new StaticTokenProvider());
        services.AddSingleton(new ProbeBehaviour(flaws));
        services.AddUpstreamHttpClient<IProbeSource, ProbeClient, ProbeOptions>((o, probe, time) => UpstreamResilience.Configure(o, probe, time));
        if (flaws.HasFlag(ProbeFlaws.NewRequestIdPerAttempt))
        {
            services.AddHttpClient<IProbeSource, ProbeClient>().AddHttpMessageHandler(() => new FreshRequestIdHandler());
        }

        return services;
    }

    private sealed class StaticTokenProvider : IUpstreamTokenProvider
    {
        public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
    }
}
