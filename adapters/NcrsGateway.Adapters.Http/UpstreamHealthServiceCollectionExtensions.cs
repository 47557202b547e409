using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Adapters.Http;

public static class UpstreamHealthServiceCollectionExtensions
{
    /// <summary>The tag on every per-upstream readiness entry.</summary>
    public const string UpstreamTag = "upstream";

    /// <summary>
    /// One readiness entry per registered <see cref="AdapterDescriptor"/> (<see cref="AdapterDescriptor.HealthCheckName"/>),
    /// reading the <see cref="UpstreamHealth"/> its client records (an adapter with no such client, e.g. the documents
    /// pass-through, is listed without a breaker). Call after the adapters: an unconfigured adapter registered no
    /// descriptor, so it has no entry.
    /// </summary>
    /// <param name="services">The service collection the adapters registered into.</param>
    public static IServiceCollection AddUpstreamHealthChecks(this IServiceCollection services)
    {
        var descriptors = services
            .Where(s => s.ServiceType == typeof(AdapterDescriptor) && s.ImplementationInstance is AdapterDescriptor)
            .Select(s => (AdapterDescriptor)s.ImplementationInstance!)
            .ToList();
        var checks = services.AddHealthChecks();
        foreach (var descriptor in descriptors)
        {
            checks.Add(new HealthCheckRegistration(
                descriptor.HealthCheckName,
                sp => new UpstreamHealthCheck(descriptor, sp.GetKeyedService<UpstreamHealth>(descriptor.HttpClientName)),
                failureStatus: null,
                tags: [UpstreamTag]));
        }

        return services;
    }
}
