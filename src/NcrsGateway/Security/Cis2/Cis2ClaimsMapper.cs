using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Security.Cis2;

/// <summary>
/// Turns a validated CIS2 token into the gateway's caller: user id (<c>nhsid_useruid</c>, else <c>sub</c>), ODS (the
/// selected role's <c>org_code</c>) and roles (the selected role's codes through <see cref="Cis2Options.RoleMap"/>).
/// The selected role is the one whose <c>person_roleid</c> equals <c>selected_roleid</c>; the roles come from the
/// token, else from UserInfo (cached per token). Returns the refusal instead when the caller cannot be mapped.
/// </summary>
internal sealed partial class Cis2ClaimsMapper(
    Cis2UserInfoClient userInfo,
    Cis2UserInfoCache cache,
    IOptions<GatewayAuthenticationOptions> options,
    ILogger<Cis2ClaimsMapper> logger)
{
    private readonly Dictionary<string, string> _map = new(options.Value.Cis2.RoleMap, StringComparer.OrdinalIgnoreCase);

    public async Task<(ClaimsPrincipal? Principal, GatewayError? Refusal)> MapAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        IReadOnlyList<Cis2Role>? roles;
        string? selected = principal.FindFirstValue(Cis2Roles.SelectedRoleClaim);
        string? userId = principal.FindFirstValue(Cis2Roles.UserIdClaim);
        try
        {
            roles = Cis2Roles.FromClaims(principal);
        }
        catch (JsonException)
        {
            return Refuse("nhsid_nrbac_roles claim is not well-formed", GatewayErrors.Unauthenticated);
        }

        if (roles is null)
        {
            var (info, failure) = await UserInfoAsync(context);
            if (info is null)
            {
                return failure == Cis2UserInfoFailure.TokenRefused
                    ? Refuse("CIS2 UserInfo refused the token", GatewayErrors.Unauthenticated)
                    : (null, GatewayErrors.IdentityUnavailable); // already logged, without personal data
            }

            roles = info.Roles;
            selected ??= info.SelectedRoleId;
            userId ??= info.UserId;
        }

        if (selected is null || roles.FirstOrDefault(r => string.Equals(r.PersonRoleId, selected, StringComparison.Ordinal)) is not { } role)
        {
            return Refuse(selected is null ? "no selected_roleid" : "selected_roleid is not among the user's roles", GatewayErrors.RoleNotSelected);
        }

        var granted = Cis2RoleMap.Map(_map, role);
        if (granted.Count == 0)
        {
            return Refuse("the selected role's codes are not in Authentication:Cis2:RoleMap", GatewayErrors.RoleNotPermitted);
        }

        userId ??= principal.FindFirstValue(GatewayClaims.UserId);
        if (userId is null || !TokenClaimRules.IsSubject(userId) || role.OrgCode is not { } ods || !SafeToken.IsValid(ods, TokenClaimRules.MaxIdentifierLength))
        {
            return Refuse("nhsid_useruid or the selected role's org_code is missing or has characters that are not allowed", GatewayErrors.Unauthenticated);
        }

        return (Rebuild(principal, userId, ods, granted), null);
    }

    private async Task<(Cis2UserInfo? Info, Cis2UserInfoFailure? Failure)> UserInfoAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            return (null, Cis2UserInfoFailure.Unavailable);
        }

        var accessToken = token.EncodedToken;
        if (cache.TryGet(accessToken, out var cached))
        {
            return (cached, null);
        }

        var (info, failure) = await userInfo.FetchAsync(accessToken, context.Options, context.HttpContext.RequestAborted);
        if (info is not null)
        {
            cache.Set(accessToken, new DateTimeOffset(token.ValidTo, TimeSpan.Zero), info);
        }

        return (info, failure);
    }

    /// <summary>The token's claims without its own role, ODS and CIS2 role list, plus the mapped ones.</summary>
    private static ClaimsPrincipal Rebuild(ClaimsPrincipal principal, string userId, string ods, IReadOnlyList<string> roles)
    {
        var source = principal.Identities.First();
        var claims = source.Claims
            .Where(c => c.Type is not (GatewayClaims.UserId or GatewayClaims.Role or GatewayClaims.OrganisationOds or Cis2Roles.RolesClaim))
            .Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))
            .Append(new Claim(GatewayClaims.UserId, userId))
            .Append(new Claim(GatewayClaims.OrganisationOds, ods))
            .Concat(roles.Select(r => new Claim(GatewayClaims.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, source.AuthenticationType, GatewayClaims.UserId, GatewayClaims.Role));
    }

    private (ClaimsPrincipal?, GatewayError?) Refuse(string reason, GatewayError error)
    {
        LogRefused(logger, reason, error.Code);
        return (null, error);
    }
}
