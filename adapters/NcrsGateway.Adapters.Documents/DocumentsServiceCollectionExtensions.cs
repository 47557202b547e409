using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>What the documents adapter serves: Binary read (the document a pointer locates). Clinical content: never cached.</summary>
    public static readonly AdapterDescriptor Descriptor = new(
        "documents",
        DocumentsOptions.SectionName,
        typeof(IDocumentRetrieval),
        [new ServedResource("Binary", ["read"], [])],
        CacheProfile.Never("documents"));

    /// <summary>
    /// Registers document retrieval as the <see cref="IDocumentRetrieval"/>, and its <see cref="Descriptor"/>: validated
    /// <see cref="DocumentsOptions"/> (unknown keys refused), the keyed repository token provider (<c>document-repository</c>;
    /// default none, a deployment's own registration wins), YARP's forwarder and the adapter's own invoker. With
    /// <paramref name="onlyWhenConfigured"/> (the gateway's composition), nothing is registered without a <c>Documents</c> section.
    /// </summary>
    public static IServiceCollection AddDocumentsAdapter(this IServiceCollection services, IConfiguration configuration, bool onlyWhenConfigured = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DocumentsOptions.SectionName);
        if (onlyWhenConfigured && !section.Exists())
        {
            return services;
        }

        services.AddSingleton(Descriptor);
        services.AddOptions<DocumentsOptions>()
            .Bind(section, o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsRules>());
        services.TryAddKeyedSingleton<IUpstreamTokenProvider>(SourceServices.DocumentRepository, StaticAccessTokenProvider.None);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpForwarder();
        services.AddHttpContextAccessor(); // the response a document is streamed into is the request's being served

        // YARP logs every target URL ("Proxying to ...") and its errors with exception text; a document URL can
        // hold an NHS number, a name or a postcode. DocumentForwarder logs each outcome itself (host and pointer id only).
        services.AddLogging(logging => logging.AddFilter("Yarp", LogLevel.None));
        services.TryAddSingleton<DocumentTargetResolver>();
        services.TryAddSingleton<DocumentForwarder>();
        services.TryAddSingleton<IDocumentRetrieval, DocumentRetrieval>();
        return services;
    }
}
