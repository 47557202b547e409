using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NcrsGateway.Fhir;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Registers the audit feature's FHIR side: AuditEvent search (its routes and CapabilityStatement part) and the catalog of
/// audited actions the endpoints declare. The store comes from <c>AddAuditTrail</c>, the middleware from <c>UseAuditMiddleware</c>.
/// </summary>
public static class AuditEventSearchExtensions
{
    public static IHostApplicationBuilder AddAuditEventSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddFhirFeature<AuditEventFhirEndpoints, AuditEventCapabilities>();
        builder.Services.TryAddSingleton<AuditedActionCatalog>();
        return builder;
    }
}
