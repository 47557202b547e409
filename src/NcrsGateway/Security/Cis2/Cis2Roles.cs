using System.Security.Claims;
using System.Text.Json;

namespace NcrsGateway.Security.Cis2;

/// <summary>
/// Reads CIS2's <c>nhsid_nrbac_roles</c>, from a token's claims (one claim per role, each a JSON object) or from a
/// UserInfo answer (a JSON array). Entries without a <c>person_roleid</c> are skipped; anything else malformed is a
/// <see cref="JsonException"/>.
/// </summary>
internal static class Cis2Roles
{
    public const string RolesClaim = "nhsid_nrbac_roles";
    public const string SelectedRoleClaim = "selected_roleid";
    public const string UserIdClaim = "nhsid_useruid";

    /// <summary>The roles in the token, or null when it carries no <c>nhsid_nrbac_roles</c>.</summary>
    public static IReadOnlyList<Cis2Role>? FromClaims(ClaimsPrincipal principal)
    {
        var claims = principal.FindAll(RolesClaim).ToList();
        if (claims.Count == 0)
        {
            return null;
        }

        var roles = new List<Cis2Role>();
        foreach (var claim in claims)
        {
            using var document = JsonDocument.Parse(claim.Value);
            Read(document.RootElement, roles);
        }

        return roles;
    }

    /// <summary>Adds the roles in <paramref name="element"/> (an array of roles, or one role) to <paramref name="roles"/>.</summary>
    public static void Read(JsonElement element, List<Cis2Role> roles)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Read(item, roles);
                }

                break;
            case JsonValueKind.Object:
                if (Text(element, "person_roleid") is { } id)
                {
                    roles.Add(new Cis2Role(id, Text(element, "org_code"), Text(element, "role_code"), Codes(element)));
                }

                break;
            default:
                throw new JsonException("nhsid_nrbac_roles entries must be objects");
        }
    }

    /// <summary>A string (or number) property, trimmed; null when absent or blank.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())?.Trim() is { Length: > 0 } text ? text : null
            : null;

    private static string[] Codes(JsonElement role)
    {
        if (!role.TryGetProperty("activity_codes", out var codes))
        {
            return [];
        }

        return codes.ValueKind switch
        {
            JsonValueKind.Array => [.. codes.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!.Trim()).Where(c => c.Length > 0)],
            JsonValueKind.String => [.. codes.GetString()!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            _ => [],
        };
    }
}
