using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.ClinicalContext;

/// <summary>Clinical context: <c>$verify</c>, <c>$select</c>, <c>$ncrs-launch</c> on Patient, when a demographics adapter (PDS) is configured.</summary>
public static class ClinicalContextFeature
{
    /// <param name="builder">The host's builder.</param>
    /// <param name="developmentHost">Set only by a development host: then a relative launch URL (its own page) is allowed.</param>
    public static IHostApplicationBuilder AddClinicalContext(this IHostApplicationBuilder builder, bool developmentHost)
    {
        if (!builder.Services.HasAdapterFor<IDemographicsSource>())
        {
            return builder;
        }

        builder.Services.AddClinicalContext(builder.Configuration, developmentHost);
        builder.Services.AddFhirFeature<ClinicalContextEndpoints, ClinicalContextCapabilities>();
        foreach (var operation in ClinicalContextCapabilities.OperationDefinitionIds)
        {
            builder.Services.AddOperationDefinition(typeof(ClinicalContextCapabilities).Assembly, operation);
        }

        return builder;
    }
}
