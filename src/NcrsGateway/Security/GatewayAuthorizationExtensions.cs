using Microsoft.AspNetCore.Authorization;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Security;

/// <summary>
/// The gateway's roles-to-policies map, in one place. The fallback policy makes every endpoint that does not
/// say otherwise require a signed-in user (metadata and health opt out with <c>AllowAnonymous</c>).
/// </summary>
internal static class GatewayAuthorizationExtensions
{
    public static IServiceCollection AddGatewayAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(GatewayPolicies.Reader, p => p.RequireAuthenticatedUser().RequireRole(GatewayRoles.Clinician, GatewayRoles.Reader))
            .AddPolicy(GatewayPolicies.Launcher, p => p.RequireAuthenticatedUser().RequireRole(GatewayRoles.Clinician))
            .AddPolicy(GatewayPolicies.Auditor, p => p.RequireAuthenticatedUser().RequireRole(GatewayRoles.Auditor, GatewayRoles.NationalAuditor))
            .AddPolicy(GatewayPolicies.NationalAuditor, p => p.RequireAuthenticatedUser().RequireRole(GatewayRoles.NationalAuditor))
            .AddPolicy(GatewayPolicies.Operator, p => p.RequireAuthenticatedUser().RequireRole(GatewayRoles.Ops))
            .AddPolicy(GatewayPolicies.Support, p => p.RequireAuthenticatedUser().RequireRole(GatewayRoles.Support));
        return services;
    }
}
