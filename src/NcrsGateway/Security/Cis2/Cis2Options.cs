using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Security.Cis2;

/// <summary>
/// NHS CIS2 as the token issuer, bound from <c>Authentication:Cis2</c>. When <see cref="Enabled"/>, the gateway's
/// user, organisation (ODS) and roles come from CIS2's claims: the role whose <c>person_roleid</c> is the token's
/// <c>selected_roleid</c>, taken from the token's <c>nhsid_nrbac_roles</c> or, when the token has none, from
/// CIS2's UserInfo endpoint; its <c>role_code</c> and <c>activity_codes</c> become gateway roles through <see cref="RoleMap"/>.
/// Any <c>role</c> or <c>ods</c> claim in the token itself is then ignored.
/// </summary>
public sealed class Cis2Options
{
    /// <summary>Map CIS2's national RBAC claims to the gateway's user, ODS and roles.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// CIS2's UserInfo endpoint. Default: the <c>userinfo_endpoint</c> in <c>Authentication:Authority</c>'s discovery
    /// document; required when no authority is set.
    /// </summary>
    public Uri? UserInfoEndpoint { get; set; }

    /// <summary>
    /// CIS2 code → gateway roles (space- or comma-separated: clinician, reader, auditor, support). A key matches an
    /// activity code exactly, or a role code whole or any one of its colon-separated parts (<c>R8000</c> matches
    /// <c>S8000:G8000:R8000</c>). The selected role's roles are the union of every key it matches.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a UserInfo answer is reused for the same access token (never beyond the token's expiry).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan UserInfoCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most access tokens whose UserInfo answers are held in memory at once; the oldest make way.</summary>
    [Range(1, 1_000_000)]
    public int UserInfoCacheSize { get; set; } = 10_000;

    /// <summary>How long to wait for UserInfo before answering 503.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan UserInfoTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
