using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;
using NcrsGateway.Hosting;

namespace NcrsGateway.ClinicalContext;

/// <summary>Clinical context: <c>$verify</c>, <c>$select</c>, <c>$ncrs-launch</c> on Patient, when a demographics adapter (PDS) is configured.</summary>
internal static class ClinicalContextFeature
{
    public static IHostApplicationBuilder AddClinicalContext(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.HasAdapterFor<IDemographicsSource>())
        {
            return builder;
        }

        builder.Services.AddClinicalContext(builder.Configuration, developmentHost: DevelopmentHost.From(builder) is not null);
        builder.Services.AddFhirFeature<ClinicalContextEndpoints, ClinicalContextCapabilities>();
        return builder;
    }
}
