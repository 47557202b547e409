using System.Globalization;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>Turns the raw query string into a <see cref="PdsSearchRequest"/> or a PDS 400 outcome.</summary>
internal static class PdsSearchParser
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "family", "given", "gender", "birthdate", "death-date", "address-postalcode", "address-postcode",
        "general-practitioner", "email", "phone", "_fuzzy-match", "_exact-match", "_history", "_max-results",
    };

    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "given", "birthdate", "death-date" };

    public static PdsResult? TryParse(string? rawQuery, out PdsSearchRequest? request)
    {
        request = null;
        var values = Split(rawQuery).ToLookup(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var group in values)
        {
            if (!Known.Contains(group.Key))
            {
                return PdsResponses.InvalidSearchData($"Unsupported search parameter '{group.Key}'.");
            }

            if (group.Count() > (Repeatable.Contains(group.Key) ? 2 : 1))
            {
                return PdsResponses.InvalidSearchData($"Too many values for '{group.Key}'.");
            }
        }

        if (values.Contains("address-postalcode") && values.Contains("address-postcode"))
        {
            return PdsResponses.InvalidSearchData("Use address-postalcode only; address-postcode is deprecated.");
        }

        string? One(string key) => values[key].FirstOrDefault(v => v.Length > 0);

        var fuzzy = ParseFlag(One("_fuzzy-match"));
        var exact = ParseFlag(One("_exact-match"));
        if (fuzzy is null || exact is null)
        {
            return PdsResponses.InvalidValue("_fuzzy-match and _exact-match must be true or false.");
        }

        var maxResults = PdsSearchRequest.DefaultMaxResults;
        if (One("_max-results") is { } max
            && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxResults) || maxResults is < 1 or > 50))
        {
            return PdsResponses.InvalidValue($"_max-results must be an integer from 1 to 50, not '{max}'.");
        }

        var gender = One("gender");
        if (gender is not (null or "male" or "female" or "other" or "unknown"))
        {
            return PdsResponses.InvalidValue($"gender must be male, female, other or unknown, not '{gender}'.");
        }

        var birthDate = values["birthdate"].Select(PdsDateCriterion.Parse).ToList();
        var deathDate = values["death-date"].Select(PdsDateCriterion.Parse).ToList();
        if (birthDate.Concat(deathDate).Any(d => d is null))
        {
            return PdsResponses.InvalidValue("Dates must be yyyy-MM-dd with an optional eq, ge or le prefix.");
        }

        var family = One("family");
        if (family is null || birthDate.Count == 0)
        {
            return PdsResponses.InvalidSearchData("A search needs at least family and birthdate.");
        }

        if (fuzzy.Value && exact.Value)
        {
            return PdsResponses.InvalidSearchData("_fuzzy-match and _exact-match cannot both be true.");
        }

        request = new PdsSearchRequest(
            family,
            values["given"].Where(g => g.Length > 0).ToList(),
            gender,
            birthDate.OfType<PdsDateCriterion>().ToList(),
            deathDate.OfType<PdsDateCriterion>().ToList(),
            One("address-postalcode") ?? One("address-postcode"),
            One("general-practitioner"),
            One("email"),
            One("phone"),
            fuzzy.Value,
            exact.Value,
            maxResults);
        return null;
    }

    private static bool? ParseFlag(string? value) => value switch
    {
        null or "false" => false,
        "true" => true,
        _ => null,
    };

    private static IEnumerable<KeyValuePair<string, string>> Split(string? rawQuery)
    {
        foreach (var part in (rawQuery ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            yield return new(Decode(key), Decode(value).Trim());
        }
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
