using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Proxy;

internal static class DocumentProxyServiceCollectionExtensions
{
    /// <summary>
    /// Registers document pass-through: validated <see cref="DocumentProxyOptions"/>, the keyed repository token
    /// provider (<c>document-repository</c>; a deployment's own registration wins), YARP's forwarder and our own invoker.
    /// </summary>
    public static IServiceCollection AddDocumentProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentProxyOptions>()
            .Bind(configuration.GetSection(DocumentProxyOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentProxyOptions>, DocumentProxyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentProxyOptions>, DocumentProxyOptionsRules>());
        services.TryAddKeyedSingleton<IUpstreamTokenProvider, NoDocumentRepositoryToken>(SourceServices.DocumentRepository);
        services.AddHttpForwarder();

        // YARP logs every target URL ("Proxying to ...") and its errors with exception text; a document URL can
        // hold an NHS number, a name or a postcode. DocumentForwarder logs each outcome itself (host and pointer id only).
        services.AddLogging(logging => logging.AddFilter("Yarp", LogLevel.None));
        services.TryAddSingleton<DocumentTargetResolver>();
        services.TryAddSingleton<DocumentForwarder>();
        return services;
    }
}
