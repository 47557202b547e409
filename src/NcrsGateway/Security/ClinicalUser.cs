using System.Security.Claims;
using NcrsGateway.Core;

namespace NcrsGateway.Security;

/// <summary>
/// Who is calling, read from the validated token; the workstation comes from the <c>workstation</c> claim
/// or, failing that, the <c>X-Workstation-ID</c> header.
/// </summary>
internal sealed record ClinicalUser(string? UserId, string? Role, string? OrganisationOds, string? WorkstationId, string? ClientApp)
{
    public static ClinicalUser From(HttpContext http)
    {
        var user = http.User;
        return new ClinicalUser(
            user.FindFirstValue(GatewayClaims.UserId) ?? user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.FindFirstValue(GatewayClaims.Role) ?? user.FindFirstValue(ClaimTypes.Role),
            user.FindFirstValue(GatewayClaims.OrganisationOds),
            user.FindFirstValue(GatewayClaims.Workstation) ?? Header(http, KnownHeaders.WorkstationId),
            user.FindFirstValue(GatewayClaims.ClientApp) ?? user.FindFirstValue("azp"));
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers[name] is { Count: 1 } v && v[0] is { Length: > 0 and <= 64 } s ? s : null;
}
