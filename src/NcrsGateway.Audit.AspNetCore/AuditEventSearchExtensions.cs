using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Fhir;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>Registers the audit feature's FHIR side: its CapabilityStatement part (AuditEvent search).</summary>
public static class AuditEventSearchExtensions
{
    public static IServiceCollection AddAuditEventSearch(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, AuditEventCapabilities>());
        return services;
    }
}
