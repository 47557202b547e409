namespace NcrsGateway.Security.Cis2;

/// <summary>
/// The configured <see cref="Cis2Options.RoleMap"/> applied to one CIS2 role: an activity code matches a key exactly;
/// a role code matches whole or by any one of its colon-separated parts.
/// </summary>
internal static class Cis2RoleMap
{
    /// <summary>The gateway roles <paramref name="role"/> grants, in a stable order; empty when none of its codes is mapped.</summary>
    public static IReadOnlyList<string> Map(IReadOnlyDictionary<string, string> map, Cis2Role role)
    {
        var codes = new List<string>(role.ActivityCodes);
        if (role.RoleCode is { } roleCode)
        {
            codes.Add(roleCode);
            codes.AddRange(roleCode.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (map.TryGetValue(code, out var mapped))
            {
                roles.UnionWith(Split(mapped));
            }
        }

        return [.. roles];
    }

    /// <summary>A role-map value: gateway roles separated by spaces or commas, lower-cased.</summary>
    public static string[] Split(string? value) =>
        [.. (value ?? string.Empty).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant())];
}
