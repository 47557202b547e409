using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Security;

/// <summary>
/// What a token must carry beyond a valid signature, issuer, audience and lifetime: exactly one <c>sub</c>
/// (every access and audit row names a user); identity claims the gateway copies into upstream headers and the
/// audit trail free of control characters and markup; and, when <c>Authentication:MaxTokenLifetime</c> is set,
/// no longer a life (<c>exp</c> − <c>iat</c>, else <c>nbf</c>) than that. A refused token is a 401.
/// </summary>
internal static class TokenClaimRules
{
    public const int MaxSubjectLength = 256;
    public const int MaxIdentifierLength = 64;

    /// <summary>Why the token is refused (for the log: names a rule, never a value), or null when it is acceptable.</summary>
    public static string? Refusal(ClaimsPrincipal? principal, SecurityToken? token, TimeSpan? maxLifetime)
    {
        var claims = principal?.Claims.ToList() ?? [];
        return Single(claims, GatewayClaims.UserId, required: true, IsSubject)
            ?? Single(claims, GatewayClaims.OrganisationOds, required: false, v => SafeToken.IsValid(v, MaxIdentifierLength))
            ?? Single(claims, GatewayClaims.Workstation, required: false, v => SafeToken.IsValid(v, MaxIdentifierLength))
            ?? Single(claims, GatewayClaims.ClientApp, required: false, IsSubject)
            ?? Lifetime(token, maxLifetime);
    }

    /// <summary>A user or client id: printable ASCII without spaces, quotes, angle brackets, ampersands or backslashes.</summary>
    public static bool IsSubject(string value) =>
        value.Length is > 0 and <= MaxSubjectLength && value.All(c => c is > ' ' and <= '~' and not ('<' or '>' or '"' or '\'' or '&' or '\\' or '`'));

    private static string? Single(List<Claim> claims, string type, bool required, Func<string, bool> valid)
    {
        var values = claims.Where(c => c.Type == type).Select(c => c.Value).ToList();
        return values.Count switch
        {
            0 => required ? $"no {type} claim" : null,
            1 when valid(values[0]) => null,
            1 => $"{type} claim has characters or a length that are not allowed",
            _ => $"more than one {type} claim",
        };
    }

    private static string? Lifetime(SecurityToken? token, TimeSpan? maxLifetime)
    {
        if (maxLifetime is not { } max)
        {
            return null;
        }

        if (token is not JsonWebToken jwt)
        {
            return "lifetime cannot be checked";
        }

        var start = jwt.IssuedAt != DateTime.MinValue ? jwt.IssuedAt : jwt.ValidFrom;
        if (start == DateTime.MinValue)
        {
            return "no iat or nbf claim, so its lifetime cannot be checked";
        }

        return jwt.ValidTo - start > max ? "lifetime (exp - iat) is longer than Authentication:MaxTokenLifetime" : null;
    }
}
