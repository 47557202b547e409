using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.Demographics;

/// <summary>Demographics: Patient read and search, when a demographics adapter (PDS) is configured.</summary>
public static class DemographicsFeature
{
    public static IHostApplicationBuilder AddDemographics(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.HasAdapterFor<IDemographicsSource>())
        {
            return builder;
        }

        builder.Services.TryAddSingleton<PatientService>();
        builder.Services.AddFhirFeature<DemographicsEndpoints, PatientCapabilities>();
        return builder;
    }
}
