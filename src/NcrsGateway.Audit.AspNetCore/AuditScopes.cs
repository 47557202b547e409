using Microsoft.AspNetCore.Authorization;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Whose rows an auditor may see: a national auditor (policy <see cref="GatewayPolicies.NationalAuditor"/>) every
/// organisation's; any other auditor only their own organisation's, the ODS code of the token's <c>ods</c> claim (the same
/// claim the rest of the gateway reads). An auditor whose token names no organisation is refused.
/// </summary>
internal static class AuditScopes
{
    public static async Task<AuditScope> ForAsync(HttpContext http, IAuthorizationService authorization)
    {
        if ((await authorization.AuthorizeAsync(http.User, GatewayPolicies.NationalAuditor).ConfigureAwait(false)).Succeeded)
        {
            return AuditScope.National;
        }

        return ClinicalUser.From(http).OrganisationOds is { Length: > 0 } ods
            ? AuditScope.Organisation(ods)
            : throw new GatewayException(
                GatewayErrors.AccessDenied,
                "Your sign-in names no organisation (ODS code), and an auditor sees only their own organisation's audit trail.");
    }
}
