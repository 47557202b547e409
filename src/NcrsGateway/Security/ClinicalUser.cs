using System.Security.Claims;
using Microsoft.Extensions.Options;
using NcrsGateway.ClinicalContext;
using NcrsGateway.Core;
using NcrsGateway.Http;

namespace NcrsGateway.Security;

/// <summary>
/// Who is calling, read from the validated token. The workstation comes from the token's <c>workstation</c>
/// claim; only when the token has none, and <c>ClinicalContext:AcceptWorkstationHeader</c> is on, from the
/// <c>X-Workstation-ID</c> header, and then only if it is a safe identifier (1–64 letters, digits, <c>- _ . :</c>).
/// </summary>
internal sealed record ClinicalUser(string? UserId, string? Role, string? OrganisationOds, string? WorkstationId, string? ClientApp)
{
    public const int MaxWorkstationLength = 64;

    /// <summary>
    /// The workstation is one the identity provider vouches for (the token's claim), not one the caller merely
    /// asserted in a header. Only a vouched-for workstation is shared between users (see <see cref="CallerSession"/>).
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
            user.FindFirstValue(GatewayClaims.Role) ?? user.FindFirstValue(ClaimTypes.Role),
            user.FindFirstValue(GatewayClaims.OrganisationOds),
            claimed ?? header,
            user.FindFirstValue(GatewayClaims.ClientApp) ?? user.FindFirstValue("azp"))
        {
            WorkstationFromToken = claimed is not null,
            WorkstationHeaderInvalid = invalid,
        };
    }

    private static bool AcceptsHeader(HttpContext http) =>
        http.RequestServices.GetService<IOptions<ClinicalContextOptions>>()?.Value.AcceptWorkstationHeader == true;
}
