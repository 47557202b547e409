using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core;

namespace NcrsGateway.Fhir.Security;

/// <summary>
/// Who is calling, read from the validated token. The workstation comes from the token's <c>workstation</c>
/// claim; only when the token has none, and <c>ClinicalContext:AcceptWorkstationHeader</c> is on, from the
/// <c>X-Workstation-ID</c> header, and then only if it is a safe identifier (1–64 letters, digits, <c>- _ . :</c>).
/// <see cref="Role"/> holds every role the token carries, space-separated (audit rows record them all).
/// </summary>
public sealed record ClinicalUser(string? UserId, string? Role, string? OrganisationOds, string? WorkstationId, string? ClientApp)
{
    public const int MaxWorkstationLength = 64;

    /// <summary>
    /// The workstation is one the identity provider vouches for (the token's claim), not one the caller merely
    /// asserted in a header. Only a vouched-for workstation is shared between users (see the clinical context's caller session).
    /// </summary>
    public bool WorkstationFromToken { get; init; }

    /// <summary>An accepted <c>X-Workstation-ID</c> header was sent but broke the identifier rule, so it was not used.</summary>
    public bool WorkstationHeaderInvalid { get; init; }

    public static ClinicalUser From(HttpContext http)
    {
        var user = http.User;
        var claimed = user.FindFirstValue(GatewayClaims.Workstation);
        string? header = null;
        var invalid = false;
        if (claimed is null && AcceptsHeader(http) && http.Request.Headers[KnownHeaders.WorkstationId] is { Count: > 0 } values)
        {
            header = values is { Count: 1 } && values[0] is { } v && SafeToken.IsValid(v, MaxWorkstationLength) ? v : null;
            invalid = header is null;
        }

        return new ClinicalUser(
            user.FindFirstValue(GatewayClaims.UserId) ?? user.FindFirstValue(ClaimTypes.NameIdentifier),
            Roles(user),
            user.FindFirstValue(GatewayClaims.OrganisationOds),
            claimed ?? header,
            user.FindFirstValue(GatewayClaims.ClientApp) ?? user.FindFirstValue("azp"))
        {
            WorkstationFromToken = claimed is not null,
            WorkstationHeaderInvalid = invalid,
        };
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

    private static bool AcceptsHeader(HttpContext http) =>
        http.RequestServices.GetService<IWorkstationHeaderOptions>()?.AcceptWorkstationHeader == true;
}
