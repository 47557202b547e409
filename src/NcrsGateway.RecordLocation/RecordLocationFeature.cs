using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.RecordLocation;

/// <summary>Record location: DocumentReference search and read, Binary (the located document, through <see cref="IDocumentRetrieval"/> when the host registered one), when a record locator (NRL) is configured.</summary>
public static class RecordLocationFeature
{
    public static IHostApplicationBuilder AddRecordLocation(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.HasAdapterFor<IRecordLocator>())
        {
            return builder;
        }

        builder.Services.AddOptions<RecordLocationOptions>()
            .Bind(builder.Configuration.GetSection(RecordLocationOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<RecordLocationOptions>, RecordLocationOptionsValidator>());
        builder.Services.TryAddSingleton<DocumentReferenceService>();
        builder.Services.TryAddSingleton<Demographics.IPatientRevInclude, PatientPointerSearch>(); // Patient?identifier=…&_revinclude=DocumentReference:subject
        builder.Services.AddFhirFeature<RecordLocationEndpoints, RecordLocationCapabilities>();
        return builder;
    }
}
