using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Sandbox.Tokens;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// Signs short-lived tokens for the sandbox's demo users, only ever with the sandbox's own random per-process key and
/// its own issuer (<see cref="SandboxSigningKey.Issuer"/>), which a gateway outside the sandbox refuses. Registered
/// only when the sandbox is on (which itself refuses any configured authority or signing key).
/// </summary>
internal sealed class SandboxTokenIssuer(SandboxSigningKey key, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(SandboxUser user, string? workstationId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [GatewayClaims.UserId] = user.UserId,
            [GatewayClaims.Role] = user.Role,
            [GatewayClaims.OrganisationOds] = user.OrganisationOds,
            ["name"] = user.DisplayName,
            ["sid"] = Guid.NewGuid().ToString("N"),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (!string.IsNullOrEmpty(workstationId))
        {
            claims[GatewayClaims.Workstation] = workstationId;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SandboxSigningKey.Issuer,
            Audience = key.Audience, // the bearer handler expects it too (Authentication:Audience, set by the sandbox)
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key.Key.ToArray()), SecurityAlgorithms.HmacSha256),
        });
    }
}
