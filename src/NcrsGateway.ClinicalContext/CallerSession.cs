using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.ClinicalContext;

/// <summary>
/// The caller as clinical context needs them: a user id, a workstation and a sign-in session (the token's
/// <c>sid</c>, else its <c>jti</c>). A selection is bound to all three.
/// </summary>
/// <param name="WorkstationKey">
/// The workstation as the selection store knows it. A workstation in the token is shared: when another user
/// works there, earlier selections there are superseded. A workstation the caller only asserted
/// (<c>X-Workstation-ID</c>) is scoped to that caller, so naming someone else's workstation can never touch
/// their selections.
/// </param>
internal sealed record CallerSession(ClinicalUser User, string UserId, string WorkstationKey, string SessionId)
{
    public const string SessionClaim = "sid";
    public const string TokenIdClaim = "jti";

    /// <summary>The caller, or a taxonomy error when the token or request lacks what a selection needs.</summary>
    public static CallerSession From(HttpContext http, ClinicalUser user)
    {
        var userId = user.UserId ?? throw new GatewayException(GatewayErrors.Unauthenticated, "The access token does not name a user.");
        var workstation = user.WorkstationId ?? throw (user.WorkstationHeaderInvalid
            ? new GatewayException(GatewayErrors.InvalidRequest, $"X-Workstation-ID must be 1 to {ClinicalUser.MaxWorkstationLength} letters, digits, '-', '_', '.' or ':'.")
            : new GatewayException(GatewayErrors.WorkstationRequired));
        var key = user.WorkstationFromToken
            ? $"token:{workstation}"
            : $"asserted:{userId.Length}:{userId}:{workstation}";
        var session = http.User.FindFirst(SessionClaim)?.Value ?? http.User.FindFirst(TokenIdClaim)?.Value ?? userId;
        return new CallerSession(user, userId, key, session);
    }
}
