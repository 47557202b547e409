using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.Immunisations;

/// <summary>Immunisations: <c>GET /fhir/Immunization</c> search, when an immunisation history adapter is configured.</summary>
public static class ImmunisationsFeature
{
    /// <summary>
    /// Registers the service, the routes (<see cref="ImmunisationFhirEndpoints"/>) and the CapabilityStatement part, only when an
    /// adapter serving <see cref="IImmunisationHistory"/> registered its descriptor (call after <c>AddImmunisationAdapter</c>).
    /// No cache profile and no cache filter: vaccination history is clinical content, never cached.
    /// </summary>
    public static IHostApplicationBuilder AddImmunisations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.HasAdapterFor<IImmunisationHistory>())
        {
            return builder;
        }

        builder.Services.TryAddSingleton<ImmunisationService>();
        builder.Services.AddFhirFeature<ImmunisationFhirEndpoints, ImmunisationCapabilities>();
        return builder;
    }
}
