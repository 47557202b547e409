using Hl7.Fhir.Model;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Demographics;

/// <summary>
/// Builds the searchset Bundle a caller receives: every match with its national score, links pointing at the
/// gateway, never at the upstream host. The gateway does not pick a match.
/// </summary>
public static class PatientBundleBuilder
{
    public static Bundle Build(IReadOnlyList<PatientMatch> matches, string baseUrl, string selfQuery, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Searchset,
            Timestamp = now,
            Total = matches.Count,
            Meta = new Meta { LastUpdated = now },
        };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{baseUrl}/Patient{selfQuery}" });
        foreach (var match in matches)
        {
            var patient = PatientResourceMapper.ToFhir(match.Record);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/Patient/{patient.Id}",
                Resource = patient,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match, Score = match.Score },
            });
        }

        return bundle;
    }
}
