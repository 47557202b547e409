using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Identity;

/// <summary>
/// Access tokens shaped like NHS CIS2's (<c>sub</c>, <c>nhsid_useruid</c>, <c>selected_roleid</c>, optionally
/// <c>nhsid_nrbac_roles</c>; no <c>role</c> or <c>ods</c> claim), signed with the test key, and UserInfo bodies to match.
/// </summary>
internal static class Cis2Tokens
{
    /// <summary>One <c>nhsid_nrbac_roles</c> entry as CIS2 writes it.</summary>
    public static Dictionary<string, object> Role(string personRoleId, string orgCode, string roleCode, params string[] activityCodes)
    {
        var role = new Dictionary<string, object>
        {
            ["person_orgid"] = "org-" + personRoleId,
            ["person_roleid"] = personRoleId,
            ["org_code"] = orgCode,
            ["role_name"] = "\"Clinical\":\"Clinical Provision\":\"Test Role\"",
            ["role_code"] = roleCode,
        };
        if (activityCodes.Length > 0)
        {
            role["activity_codes"] = activityCodes;
        }

        return role;
    }

    /// <param name="roles">Null: the token carries no <c>nhsid_nrbac_roles</c> (UserInfo must be asked).</param>
    /// <param name="selectedRoleId">Null: no <c>selected_roleid</c>.</param>
    /// <param name="extra">Further claims, e.g. a <c>role</c> or <c>ods</c> the gateway must ignore.</param>
    public static string Mint(string userUid, string? selectedRoleId, IEnumerable<Dictionary<string, object>>? roles = null, Dictionary<string, object>? extra = null)
    {
        var now = DateTime.UtcNow.AddMinutes(-1);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = userUid,
            ["nhsid_useruid"] = userUid,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["authentication_assurance_level"] = "3",
        };
        if (selectedRoleId is not null)
        {
            claims["selected_roleid"] = selectedRoleId;
        }

        foreach (var (type, value) in extra ?? [])
        {
            claims[type] = value;
        }

        if (roles is not null)
        {
            claims["nhsid_nrbac_roles"] = JsonSerializer.SerializeToElement(roles.ToList());
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(TestTokens.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A CIS2 UserInfo answer (scope <c>nationalrbacaccess</c>) for <paramref name="userUid"/>.</summary>
    public static string UserInfo(string userUid, params Dictionary<string, object>[] roles) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["sub"] = userUid,
        ["nhsid_useruid"] = userUid,
        ["name"] = "Testperson Alex",
        ["given_name"] = "Alex",
        ["family_name"] = "Testperson",
        ["nhsid_nrbac_roles"] = roles,
    });
}
