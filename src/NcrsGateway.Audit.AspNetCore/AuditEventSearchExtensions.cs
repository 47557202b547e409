using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Fhir;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>Registers the audit feature's FHIR side: its CapabilityStatement part (AuditEvent search) and the catalog of audited actions the endpoints declare.</summary>
public static class AuditEventSearchExtensions
{
    public static IServiceCollection AddAuditEventSearch(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, AuditEventCapabilities>());
        services.TryAddSingleton<AuditedActionCatalog>();
        return services;
    }
}
