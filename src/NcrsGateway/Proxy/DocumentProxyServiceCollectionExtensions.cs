using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Proxy;

internal static class DocumentProxyServiceCollectionExtensions
{
    /// <summary>Registers document pass-through: validated <see cref="DocumentProxyOptions"/>, YARP's forwarder and our own invoker.</summary>
    public static IServiceCollection AddDocumentProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentProxyOptions>()
            .Bind(configuration.GetSection(DocumentProxyOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentProxyOptions>, DocumentProxyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentProxyOptions>, DocumentProxyOptionsRules>());
        services.AddHttpForwarder();
        services.TryAddSingleton<DocumentTargetResolver>();
        services.TryAddSingleton<DocumentForwarder>();
        return services;
    }
}
