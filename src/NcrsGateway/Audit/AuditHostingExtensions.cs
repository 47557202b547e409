using Microsoft.AspNetCore.Authorization;
using NcrsGateway.Security;

namespace NcrsGateway.Audit;

internal static class AuditHostingExtensions
{
    public const string AuditorPolicy = "Auditor";

    /// <summary>The <c>Auditor</c> policy (role <c>auditor</c>), added only when no policy of that name exists yet.</summary>
    public static IServiceCollection AddAuditorPolicy(this IServiceCollection services)
    {
        services.AddAuthentication();
        services.AddAuthorization();
        services.PostConfigure<AuthorizationOptions>(o =>
        {
            if (o.GetPolicy(AuditorPolicy) is null)
            {
                o.AddPolicy(AuditorPolicy, p => p.RequireRole(GatewayRoles.Auditor));
            }
        });
        return services;
    }
}
