using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;
using NcrsGateway.Adapters.Documents;

namespace NcrsGateway.RecordLocation;

/// <summary>Record location: DocumentReference search and read, Binary (the located document), when a record locator (NRL) is configured.</summary>
internal static class RecordLocationFeature
{
    public static IHostApplicationBuilder AddRecordLocation(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.HasAdapterFor<IRecordLocator>())
        {
            return builder;
        }

        builder.Services.AddDocumentsAdapter(builder.Configuration, onlyWhenConfigured: true); // document retrieval serves Binary
        builder.Services.TryAddSingleton<DocumentReferenceService>();
        builder.Services.AddFhirFeature<RecordLocationEndpoints, RecordLocationCapabilities>();
        return builder;
    }
}
