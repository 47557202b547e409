using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Fhir;

/// <summary>What a feature's <c>AddXxx()</c> uses to register itself.</summary>
public static class FeatureServiceCollectionExtensions
{
    /// <summary>
    /// Whether an adapter implementing <typeparamref name="TPort"/> has registered its <see cref="AdapterDescriptor"/>
    /// (adapters register one only when configured). A feature whose port has no adapter registers nothing: absent from
    /// routes and metadata, never simulated. Call after the adapters' <c>AddXxxAdapter</c>.
    /// </summary>
    public static bool HasAdapterFor<TPort>(this IServiceCollection services) =>
        services
            .Where(s => s.ServiceType == typeof(AdapterDescriptor) && s.ImplementationInstance is AdapterDescriptor)
            .Select(s => (AdapterDescriptor)s.ImplementationInstance!)
            .Serve<TPort>();

    /// <summary>Adds the feature's routes and its CapabilityStatement part.</summary>
    public static IServiceCollection AddFhirFeature<TEndpoints, TCapabilities>(this IServiceCollection services)
        where TEndpoints : class, IFhirEndpoints
        where TCapabilities : class, ICapabilityContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFhirEndpoints, TEndpoints>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, TCapabilities>());
        return services;
    }

    /// <summary>
    /// Publishes the OperationDefinition <c>OperationDefinition-{id}.json</c> embedded in <paramref name="assembly"/> at
    /// <c>/fhir/OperationDefinition/{id}</c>. Once per id, however often a feature is added.
    /// </summary>
    public static IServiceCollection AddOperationDefinition(this IServiceCollection services, System.Reflection.Assembly assembly, string id)
    {
        if (!services.Any(s => s.ServiceType == typeof(OperationDefinitionDocument) && s.ImplementationInstance is OperationDefinitionDocument d && d.Id == id))
        {
            services.AddSingleton(OperationDefinitionDocument.FromEmbedded(assembly, id));
        }

        return services;
    }
}
