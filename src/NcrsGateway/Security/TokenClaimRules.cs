using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Security;

/// <summary>
/// What a token must carry beyond a valid signature, issuer, audience and lifetime: exactly one <c>sub</c>
/// (every access and audit row names a user); identity claims the gateway copies into upstream headers and the
/// audit trail free of control characters and markup; an <c>iat</c> no later than now (give or take the clock skew);
/// and no longer a life than <c>Authentication:MaxTokenLifetime</c>, measured from the later of <c>iat</c> and
/// <c>nbf</c> (so a token cannot stretch its life by claiming an issue time in the future). A refused token is a 401.
/// </summary>
internal static class TokenClaimRules
{
    public const int MaxSubjectLength = 256;
    public const int MaxIdentifierLength = 64;

    /// <summary>Why the token is refused (for the log: names a rule, never a value), or null when it is acceptable.</summary>
    public static string? Refusal(ClaimsPrincipal? principal, SecurityToken? token, TimeSpan maxLifetime, DateTimeOffset now, TimeSpan clockSkew)
    {
        var claims = principal?.Claims.ToList() ?? [];
        return Single(claims, GatewayClaims.UserId, required: true, IsSubject)
            ?? Single(claims, GatewayClaims.OrganisationOds, required: false, v => SafeToken.IsValid(v, MaxIdentifierLength))
            ?? Single(claims, GatewayClaims.Workstation, required: false, v => SafeToken.IsValid(v, MaxIdentifierLength))
            ?? Single(claims, GatewayClaims.ClientApp, required: false, IsSubject)
            ?? Lifetime(token, maxLifetime, now.UtcDateTime + clockSkew);
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

    private static string? Lifetime(SecurityToken? token, TimeSpan max, DateTime latestIssue)
    {
        if (token is not JsonWebToken jwt)
        {
            return "lifetime cannot be checked";
        }

        var issuedAt = jwt.IssuedAt;
        var notBefore = jwt.ValidFrom;
        if (issuedAt == DateTime.MinValue && notBefore == DateTime.MinValue)
        {
            return "no iat or nbf claim, so its lifetime cannot be checked";
        }

        if (issuedAt > latestIssue)
        {
            return "iat is in the future (beyond Authentication:ClockSkew)";
        }

        var start = issuedAt > notBefore ? issuedAt : notBefore;
        return jwt.ValidTo - start > max ? "lifetime (exp - the later of iat and nbf) is longer than Authentication:MaxTokenLifetime" : null;
    }
}
