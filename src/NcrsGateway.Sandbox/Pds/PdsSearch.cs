using System.Globalization;
using System.Text.Json.Nodes;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>Runs a parsed search against the store and shapes the searchset Bundle as PDS does.</summary>
internal static class PdsSearch
{
    /// <param name="store">The patients.</param>
    /// <param name="request">The validated search.</param>
    /// <param name="origin">Scheme, host and port of the request, for entry fullUrls.</param>
    public static PdsResult Execute(PdsPatientStore store, PdsSearchRequest request, string origin)
    {
        if (string.Equals(request.Family, SandboxPatients.TooManyMatchesFamily, StringComparison.OrdinalIgnoreCase))
        {
            return PdsResponses.TooManyMatches();
        }

        var matches = store.Patients
            .Select(patient => (Patient: patient, Score: PdsPatientMatcher.Score(patient, request)))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => (string?)m.Patient["id"], StringComparer.Ordinal)
            .Take(request.MaxResults)
            .ToList();

        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["total"] = matches.Count,
        };

        // An empty result has no "entry" key at all, not an empty array.
        if (matches.Count > 0)
        {
            bundle["entry"] = new JsonArray([.. matches.Select(m => Entry(m.Patient, m.Score, origin))]);
        }

        return new PdsResult(200, bundle);
    }

    private static JsonObject Entry(JsonObject patient, double score, string origin) => new()
    {
        ["fullUrl"] = $"{origin.TrimEnd('/')}{PdsSimulator.BasePath}Patient/{(string?)patient["id"]}",
        ["search"] = new JsonObject { ["score"] = score },
        ["resource"] = patient.DeepClone(),
    };
}
