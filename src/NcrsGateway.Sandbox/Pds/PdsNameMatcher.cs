namespace NcrsGateway.Sandbox.Pds;

/// <summary>Name comparison: case-insensitive, <c>*</c> suffix wildcard, and a loose fuzzy mode.</summary>
internal static class PdsNameMatcher
{
    public static PdsNameMatch Match(string searched, string? recorded, bool fuzzy)
    {
        if (recorded is null)
        {
            return PdsNameMatch.None;
        }

        if (string.Equals(searched, recorded, StringComparison.OrdinalIgnoreCase))
        {
            return PdsNameMatch.Exact;
        }

        if (searched.EndsWith('*'))
        {
            return recorded.StartsWith(searched.TrimEnd('*'), StringComparison.OrdinalIgnoreCase)
                ? PdsNameMatch.Partial
                : PdsNameMatch.None;
        }

        return fuzzy && IsSimilar(searched.ToUpperInvariant(), recorded.ToUpperInvariant())
            ? PdsNameMatch.Partial
            : PdsNameMatch.None;
    }

    /// <summary>Same first letter and at most two single-character edits apart.</summary>
    private static bool IsSimilar(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0 || a[0] != b[0] || Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length] <= 2;
    }
}
