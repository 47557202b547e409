using System.Security.Claims;
using NcrsGateway.Core;

namespace NcrsGateway.Security;

/// <summary>
/// Who is calling, read from the validated token; the workstation comes from the <c>workstation</c> claim
/// or, failing that, the <c>X-Workstation-ID</c> header. <see cref="Role"/> holds every role the token carries,
/// space-separated (audit rows record them all).
/// </summary>
internal sealed record ClinicalUser(string? UserId, string? Role, string? OrganisationOds, string? WorkstationId, string? ClientApp)
{
    public static ClinicalUser From(HttpContext http)
    {
        var user = http.User;
        return new ClinicalUser(
            user.FindFirstValue(GatewayClaims.UserId) ?? user.FindFirstValue(ClaimTypes.NameIdentifier),
            Roles(user),
            user.FindFirstValue(GatewayClaims.OrganisationOds),
            user.FindFirstValue(GatewayClaims.Workstation) ?? Header(http, KnownHeaders.WorkstationId),
            user.FindFirstValue(GatewayClaims.ClientApp) ?? user.FindFirstValue("azp"));
    }

    /// <summary>Every role the token carries (a token may hold several), space-separated in claim order; null when none.</summary>
    private static string? Roles(ClaimsPrincipal user)
    {
        var roles = user.FindAll(GatewayClaims.Role).Concat(user.FindAll(ClaimTypes.Role))
            .Select(c => c.Value.Trim())
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return roles.Count == 0 ? null : string.Join(' ', roles);
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers[name] is { Count: 1 } v && v[0] is { Length: > 0 and <= 64 } s ? s : null;
}
