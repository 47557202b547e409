using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NcrsGateway.Security.Cis2;

namespace NcrsGateway.Security;

/// <summary>
/// How callers' bearer tokens are validated, bound from <c>Authentication</c>. Production: <see cref="Authority"/>
/// (an OIDC issuer such as NHS CIS2, whose JWKS is fetched and refreshed). Integration environments:
/// <see cref="SigningKey"/> (a shared HMAC key). Exactly one of the two, unless the sandbox is on, when the
/// sandbox token issuer's key is used (a configured <see cref="SigningKey"/> still wins).
/// </summary>
public sealed class GatewayAuthenticationOptions
{
    public const string SectionName = "Authentication";

    /// <summary>OIDC authority (issuer base URL); its discovery document and JWKS supply the signing keys.</summary>
    public Uri? Authority { get; set; }

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes) for environments that sign tokens with a shared secret.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The expected <c>iss</c>. Defaults to the authority's issuer when an authority is set.</summary>
    [StringLength(512)]
    public string? Issuer { get; set; }

    /// <summary>The expected <c>aud</c>: this gateway's client or resource id at the identity provider.</summary>
    [StringLength(512)]
    public string? Audience { get; set; }

    /// <summary>Tolerance for clock differences when checking <c>exp</c> and <c>nbf</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refuse an authority reached over plain HTTP. Only turn off for a local test identity provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The longest life a token may have been issued with, measured from the later of <c>iat</c> and <c>nbf</c> to
    /// <c>exp</c>; a longer-lived token, one with neither claim, or one whose <c>iat</c> is in the future (beyond
    /// <see cref="ClockSkew"/>) is refused (401). Default 12 hours: a working shift.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxTokenLifetime { get; set; } = DefaultMaxTokenLifetime;

    /// <summary>The default <see cref="MaxTokenLifetime"/>: 12 hours.</summary>
    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>NHS CIS2 claims mapping (user, ODS, roles from the selected smartcard role); off unless enabled.</summary>
    [ValidateObjectMembers]
    public Cis2Options Cis2 { get; set; } = new();
}
