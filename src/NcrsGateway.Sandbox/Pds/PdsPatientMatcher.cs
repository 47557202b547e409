using System.Globalization;
using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>Scores one stored patient against a search: 0 for no match, 1 for exact, 0.8 for partial.</summary>
internal static class PdsPatientMatcher
{
    public const double ExactScore = 1.0;
    public const double PartialScore = 0.8;

    public static double Score(JsonObject patient, PdsSearchRequest request)
    {
        if ((request.UsesWithheldFields && IsRestricted(patient))
            || (request.Gender is not null && (string?)patient["gender"] != request.Gender)
            || !MatchesDates(Date((string?)patient["birthDate"]), request.BirthDate)
            || (request.DeathDate.Count > 0 && !MatchesDates(Date((string?)patient["deceasedDateTime"]), request.DeathDate))
            || (request.Postcode is { } postcode && !Items(patient, "address").Any(a => SamePostcode(postcode, (string?)a["postalCode"])))
            || (request.GeneralPractitioner is { } ods && !Items(patient, "generalPractitioner").Any(g =>
                string.Equals(ods, (string?)g["identifier"]?["value"], StringComparison.OrdinalIgnoreCase)))
            || (request.Email is { } email && !HasTelecom(patient, "email", email, v => v.ToUpperInvariant()))
            || (request.Phone is { } phone && !HasTelecom(patient, "phone", phone, v => new string([.. v.Where(char.IsAsciiDigit)]))))
        {
            return 0;
        }

        var best = Items(patient, "name").Select(n => MatchName(n, request)).DefaultIfEmpty(PdsNameMatch.None).Max();
        return best switch
        {
            PdsNameMatch.Exact => ExactScore,
            PdsNameMatch.Partial when !request.Exact => PartialScore,
            _ => 0,
        };
    }

    public static bool IsRestricted(JsonObject patient) =>
        Items(patient["meta"], "security").Any(s => (string?)s["code"] is "R" or "V");

    private static PdsNameMatch MatchName(JsonObject name, PdsSearchRequest request)
    {
        var result = PdsNameMatcher.Match(request.Family, (string?)name["family"], request.Fuzzy);
        var recordedGiven = Values(name, "given").Select(g => (string?)g).ToList();
        foreach (var given in request.Given)
        {
            var match = recordedGiven.Select(g => PdsNameMatcher.Match(given, g, request.Fuzzy))
                .DefaultIfEmpty(PdsNameMatch.None).Max();
            result = match < result ? match : result;
        }

        return result;
    }

    private static bool MatchesDates(DateOnly? date, IReadOnlyList<PdsDateCriterion> criteria) =>
        criteria.Count == 0 || (date is { } d && criteria.All(c => c.Matches(d)));

    private static DateOnly? Date(string? value) =>
        value is { Length: >= 10 }
        && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static bool SamePostcode(string searched, string? recorded) =>
        recorded is not null && string.Equals(
            searched.Replace(" ", string.Empty, StringComparison.Ordinal),
            recorded.Replace(" ", string.Empty, StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase);

    private static bool HasTelecom(JsonObject patient, string system, string searched, Func<string, string> normalise) =>
        Items(patient, "telecom").Any(t => (string?)t["system"] == system
            && (string?)t["value"] is { } value
            && normalise(value) == normalise(searched));

    private static IEnumerable<JsonObject> Items(JsonNode? node, string property) =>
        Values(node, property).OfType<JsonObject>();

    private static IEnumerable<JsonNode> Values(JsonNode? node, string property) =>
        (node?[property] as JsonArray)?.OfType<JsonNode>() ?? [];
}
