using NcrsGateway.Core.Errors;
using NcrsGateway.Security;

namespace NcrsGateway.ClinicalContext;

/// <summary>
/// The caller as clinical context needs them: a user id, a workstation and a sign-in session (the token's
/// <c>sid</c>, else its <c>jti</c>). A selection is bound to all three.
/// </summary>
internal sealed record CallerSession(ClinicalUser User, string UserId, string WorkstationId, string SessionId)
{
    public const string SessionClaim = "sid";
    public const string TokenIdClaim = "jti";

    /// <summary>The caller, or a taxonomy error when the token or request lacks what a selection needs.</summary>
    public static CallerSession From(HttpContext http, ClinicalUser user)
    {
        var userId = user.UserId ?? throw new GatewayException(GatewayErrors.Unauthenticated, "The access token does not name a user.");
        var workstation = user.WorkstationId ?? throw new GatewayException(GatewayErrors.WorkstationRequired);
        var session = http.User.FindFirst(SessionClaim)?.Value ?? http.User.FindFirst(TokenIdClaim)?.Value ?? userId;
        return new CallerSession(user, userId, workstation, session);
    }
}
