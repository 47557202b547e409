using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation;

public static class ImmunisationServiceCollectionExtensions
{
    /// <summary>Registers the Immunisation FHIR API adapter as the <see cref="IImmunisationHistory"/>.</summary>
    public static IServiceCollection AddImmunisationAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUpstreamOptions<ImmunisationOptions, ImmunisationOptionsValidator, ImmunisationOptionsRules>(configuration, ImmunisationOptions.SectionName);
        services.AddStaticAccessToken<ImmunisationOptions>(ImmunisationSource.Name);
        services.AddUpstreamHttpClient<IImmunisationHistory, ImmunisationClient, ImmunisationOptions>(ImmunisationResilience.Configure);
        return services;
    }
}
