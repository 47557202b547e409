using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// Tokens signed with the test key but with exactly the claims and times a test gives: a missing <c>sub</c>,
/// control characters in a claim, a long life, no <c>iat</c>.
/// </summary>
internal static class InboundTokens
{
    public static Dictionary<string, object> Claims(TestUser user, string? workstation = null)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = user.UserId,
            ["role"] = user.Role,
            ["ods"] = user.OrganisationOds,
            ["sid"] = $"session-{user.UserId}",
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (workstation is not null)
        {
            claims["workstation"] = workstation;
        }

        return claims;
    }

    /// <param name="issuedAt">Null: no <c>iat</c>.</param>
    /// <param name="notBefore">Null: no <c>nbf</c>.</param>
    public static string Mint(Dictionary<string, object> claims, DateTime? issuedAt, DateTime? notBefore, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            IssuedAt = issuedAt,
            NotBefore = notBefore,
            Expires = expires,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(TestTokens.SigningKey)), SecurityAlgorithms.HmacSha256),
        });

    /// <summary>Issued a minute ago, valid for an hour.</summary>
    public static string Mint(Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow.AddMinutes(-1);
        return Mint(claims, now, now, now.AddHours(1));
    }
}
