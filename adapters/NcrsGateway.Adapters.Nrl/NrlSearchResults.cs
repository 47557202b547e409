using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// A searchset Bundle → <see cref="PointerSearchResult"/>: unusable pointers are skipped with a warning,
/// and a pointer replaced by another pointer in the same result is hidden, so a superseded record is never
/// shown as current (NRL can briefly return both while a supersede propagates).
/// </summary>
internal static class NrlSearchResults
{
    public static (PointerSearchResult Result, int Skipped, int Hidden) Map(Bundle bundle, NhsNumber patient, bool allowHttp, DateTimeOffset retrievedAt)
    {
        var wires = bundle.Entry.Select(e => e.Resource).OfType<DocumentReference>().ToList();
        var pointers = new List<DocumentPointer>(wires.Count);
        var warnings = new List<string>();
        for (var i = 0; i < wires.Count; i++)
        {
            if (!NrlMapper.TryMap(wires[i], patient, allowHttp, retrievedAt, out var pointer, out var reason))
            {
                warnings.Add($"Pointer {i + 1} of {wires.Count} from the National Record Locator was left out because {reason}.");
            }
            else if (pointer.Status != PointerStatus.Current)
            {
                warnings.Add($"Pointer {i + 1} of {wires.Count} from the National Record Locator was left out because {NrlSkipReason.BadStatus}.");
            }
            else
            {
                pointers.Add(pointer);
            }
        }

        var replaced = pointers.Select(p => p.Replaces).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = pointers.Where(p => !replaced.Contains(p.Id) && seen.Add(p.Id)).ToList();
        return (new PointerSearchResult(kept, warnings), warnings.Count, pointers.Count - kept.Count);
    }
}
