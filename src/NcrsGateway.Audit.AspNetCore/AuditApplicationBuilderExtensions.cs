namespace NcrsGateway.Audit.AspNetCore;

/// <summary>Adds the audit middleware: one durable audit row per <c>/fhir</c> request before its first response byte.</summary>
public static class AuditApplicationBuilderExtensions
{
    public static IApplicationBuilder UseAuditMiddleware(this IApplicationBuilder app) => app.UseMiddleware<AuditMiddleware>();
}
