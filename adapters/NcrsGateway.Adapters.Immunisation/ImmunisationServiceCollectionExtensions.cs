using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation;

public static class ImmunisationServiceCollectionExtensions
{
    /// <summary>What the Immunisation adapter serves: Immunization search. Clinical content: never cached.</summary>
    public static readonly AdapterDescriptor Descriptor = new(
        ImmunisationSource.Name,
        ImmunisationOptions.SectionName,
        typeof(IImmunisationHistory),
        [new ServedResource("Immunization", ["search-type"], ["patient.identifier", "-immunization.target", "-date.from", "-date.to"])],
        CacheProfile.Never(ImmunisationSource.Name))
    {
        Budget = new RequestBudget(RequestsPerSecond: 5, Burst: 1), // no published figure: the API platform's usual 5 a second per application, spaced evenly
    };

    /// <summary>
    /// Registers the Immunisation FHIR API adapter as the <see cref="IImmunisationHistory"/>, and its <see cref="Descriptor"/>.
    /// With <paramref name="onlyWhenConfigured"/> (the gateway's composition), nothing is registered without a <c>BaseUrl</c>.
    /// </summary>
    public static IServiceCollection AddImmunisationAdapter(this IServiceCollection services, IConfiguration configuration, bool onlyWhenConfigured = false)
    {
        if (onlyWhenConfigured && string.IsNullOrWhiteSpace(configuration[$"{ImmunisationOptions.SectionName}:{nameof(ImmunisationOptions.BaseUrl)}"]))
        {
            return services;
        }

        services.AddSingleton(Descriptor);
        services.AddUpstreamOptions<ImmunisationOptions, ImmunisationOptionsValidator, ImmunisationOptionsRules>(configuration, Descriptor);
        services.AddStaticAccessToken<ImmunisationOptions>(ImmunisationSource.Name);
        services.AddUpstreamHttpClient<IImmunisationHistory, ImmunisationClient, ImmunisationOptions>(ImmunisationResilience.Configure);
        return services;
    }
}
