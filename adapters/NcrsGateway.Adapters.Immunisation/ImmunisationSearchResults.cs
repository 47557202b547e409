using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// A searchset Bundle → <see cref="ImmunisationSearchResult"/>: unusable records are skipped with a warning
/// (position and reason only), included Patient resources are ignored, and a Bundle whose only answer is an
/// OperationOutcome with issue type <c>suppressed</c> is a withheld history, not an empty one.
/// </summary>
internal static class ImmunisationSearchResults
{
    public static (ImmunisationSearchResult Result, int Skipped) Map(Bundle bundle, NhsNumber patient, DateTimeOffset retrievedAt)
    {
        var provenance = new Provenance(ImmunisationSource.Name, retrievedAt, null, retrievedAt, ShowWithoutRefresh: true);
        var wires = bundle.Entry.Select(e => e.Resource).OfType<Immunization>().ToList();
        if (wires.Count == 0 && IsSuppressed(bundle))
        {
            return (ImmunisationSearchResult.Withheld(provenance), 0);
        }

        var events = new List<ImmunisationEvent>(wires.Count);
        var warnings = new List<string>();
        for (var i = 0; i < wires.Count; i++)
        {
            if (ImmunisationMapper.TryMap(wires[i], patient, retrievedAt, out var immunisation, out var reason))
            {
                events.Add(immunisation);
            }
            else
            {
                warnings.Add($"Vaccination record {i + 1} of {wires.Count} from the national immunisation service was left out because {reason}.");
            }
        }

        var result = events.Count == 0
            ? ImmunisationSearchResult.NotRecorded(provenance, warnings)
            : new ImmunisationSearchResult(Recorded<IReadOnlyList<ImmunisationEvent>>.Present(events, provenance), warnings);
        return (result, warnings.Count);
    }

    private static bool IsSuppressed(Bundle bundle) =>
        bundle.Entry.Select(e => e.Resource).OfType<OperationOutcome>()
            .Any(o => o.Issue.Exists(i => i.Code == OperationOutcome.IssueType.Suppressed));
}
