using System.Globalization;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Demographics;

/// <summary>
/// Validates <c>GET /fhir/Patient?…</c> before anything goes upstream. Unknown parameters are refused, not
/// ignored: silently dropping a criterion would widen a clinical search without telling anyone.
/// </summary>
internal static class PatientSearchRequest
{
    public const string IdentifierParameter = "identifier";

    /// <summary>With <see cref="IdentifierParameter"/> only: also return the patient's record-locator pointers.</summary>
    public const string RevIncludeParameter = "_revinclude";
    public const string RevIncludeDocumentReferences = "DocumentReference:subject";

    public static readonly IReadOnlyList<string> DemographicParameters =
        ["family", "given", "birthdate", "gender", "address-postalcode", "_fuzzy-match", "_exact-match", "_max-results"];

    /// <summary>Every parameter a Patient search takes (the gateway adds the result parameters and paging).</summary>
    public static readonly IReadOnlyList<string> Parameters = [IdentifierParameter, RevIncludeParameter, .. DemographicParameters];

    private static readonly HashSet<string> Known = new(DemographicParameters.Append(IdentifierParameter).Append("_format"), StringComparer.Ordinal);
    /// <summary>Characters a name searched with a wildcard must have besides the wildcard (as PDS requires).</summary>
    public const int MinimumNameCharactersWithWildcard = 2;

    private static readonly HashSet<string> Genders = ["male", "female", "other", "unknown"];

    /// <summary>The NHS number of an identifier search, or null when this is a demographic search.</summary>
    public static NhsNumber? ParseIdentifier(IQueryCollection query)
    {
        if (!query.TryGetValue(IdentifierParameter, out var values))
        {
            return null;
        }

        if (values.Count != 1 || query.Count(q => q.Key is not "_format" and not RevIncludeParameter) != 1)
        {
            throw Invalid("Search by identifier on its own, once.");
        }

        if (query.TryGetValue(RevIncludeParameter, out var revInclude) && (revInclude.Count != 1 || revInclude[0] != RevIncludeDocumentReferences))
        {
            throw Invalid($"The only supported {RevIncludeParameter} is {RevIncludeDocumentReferences}, given once.");
        }

        var value = values[0] ?? string.Empty;
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || value[..bar] != NhsNumber.System)
        {
            throw Invalid($"The identifier must be {NhsNumber.System}|<NHS number>.");
        }

        return NhsNumber.TryParse(value[(bar + 1)..], out var nhs)
            ? nhs
            : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
    }

    /// <summary>Whether an identifier search asked for the patient's pointers too (validated by <see cref="ParseIdentifier"/>).</summary>
    public static bool IncludesDocumentReferences(IQueryCollection query) => query.ContainsKey(RevIncludeParameter);

    public static PatientSearchQuery ParseDemographics(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key))
            {
                throw Invalid(Fhir.UnsupportedParameters.Detail("Patient search", DemographicParameters.Prepend(IdentifierParameter)));
            }
        }

        var fuzzy = Flag(query, "_fuzzy-match");
        var exact = Flag(query, "_exact-match");
        var family = Single(query, "family");
        var birthDates = query["birthdate"].Select(ParseDate).ToList();
        if (!fuzzy && (family is null || birthDates.Count == 0))
        {
            throw Invalid("A search needs at least a family name and a date of birth.");
        }

        if (birthDates.Count > 2)
        {
            throw Invalid("Give at most two birthdate values (a ge/le range).");
        }

        var gender = Single(query, "gender");
        if (gender is not null && !Genders.Contains(gender))
        {
            throw Invalid("gender must be male, female, other or unknown.");
        }

        var max = PatientSearchQuery.DefaultMaxResults;
        if (Single(query, "_max-results") is { } maxText
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > PatientSearchQuery.MaxAllowedResults))
        {
            throw Invalid($"_max-results must be a whole number from 1 to {PatientSearchQuery.MaxAllowedResults}.");
        }

        var given = query["given"].Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim()).ToList();
        RefuseWildcardOnly("family", family);
        given.ForEach(g => RefuseWildcardOnly("given", g));
        return new PatientSearchQuery(family?.Trim(), given, birthDates, gender, Single(query, "address-postalcode"), fuzzy, exact, max);
    }

    /// <summary>
    /// A name made (almost) only of the <c>*</c> wildcard matches every patient in the date range: PDS needs two
    /// characters besides wildcards, and so does the gateway, before anything goes upstream.
    /// </summary>
    private static void RefuseWildcardOnly(string name, string? value)
    {
        if (value is not null && value.Contains('*', StringComparison.Ordinal) && value.Count(c => c is not '*' && !char.IsWhiteSpace(c)) < MinimumNameCharactersWithWildcard)
        {
            throw Invalid($"{name} with the * wildcard needs at least {MinimumNameCharactersWithWildcard} letters besides it (e.g. Sm*): a wildcard on its own would match every patient in the date range. Give more of the name, or search by NHS number.");
        }
    }

    private static DateSearch ParseDate(string? value)
    {
        value ??= string.Empty;
        var prefix = value.Length > 2 && char.IsAsciiLetter(value[0]) ? value[..2] : "eq";
        var date = value.Length > 2 && char.IsAsciiLetter(value[0]) ? value[2..] : value;
        if (!DateSearch.Prefixes.Contains(prefix)
            || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw Invalid("birthdate must be a full date (yyyy-MM-dd), optionally prefixed with eq, ge or le.");
        }

        return new DateSearch(prefix, parsed);
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw Invalid($"Give '{name}' once.");
        }

        return string.IsNullOrWhiteSpace(values.FirstOrDefault()) ? null : values[0];
    }

    private static bool Flag(IQueryCollection query, string name) => Single(query, name) switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw Invalid($"{name} must be true or false."),
    };

    private static GatewayException Invalid(string detail) => new(GatewayErrors.InvalidSearch, detail);
}
