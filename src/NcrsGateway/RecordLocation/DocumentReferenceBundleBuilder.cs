using System.Globalization;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// One page of a pointer search as a searchset Bundle. NRL returns every pointer unpaged, so the gateway
/// orders them (newest first, then id) and pages itself: <c>total</c> is the full count and the
/// self/first/previous/next/last links use the gateway's base URL. Pointers left out as unusable are listed
/// in an OperationOutcome entry (search mode outcome), without NHS numbers or URLs.
/// </summary>
internal static class DocumentReferenceBundleBuilder
{
    public static Bundle Build(PointerSearchResult result, DocumentReferenceSearch search, string baseUrl, DateTimeOffset now)
    {
        var ordered = result.Pointers
            .OrderByDescending(p => p.Created ?? DateTimeOffset.MinValue)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Searchset,
            Timestamp = now,
            Total = ordered.Count,
            Meta = new Meta { LastUpdated = now },
        };

        var lastPage = search.Count == 0 ? 1 : Math.Max(1, (ordered.Count + search.Count - 1) / search.Count);
        AddLink(bundle, "self", baseUrl, search, search.Page);
        AddLink(bundle, "first", baseUrl, search, 1);
        if (search.Page > 1)
        {
            AddLink(bundle, "previous", baseUrl, search, Math.Min(search.Page - 1, lastPage));
        }

        if (search.Page < lastPage)
        {
            AddLink(bundle, "next", baseUrl, search, search.Page + 1);
        }

        AddLink(bundle, "last", baseUrl, search, lastPage);

        foreach (var pointer in ordered.Skip((search.Page - 1) * search.Count).Take(search.Count))
        {
            bundle.Entry.Add(Match(pointer, baseUrl));
        }

        if (Warnings(result.Warnings) is { } outcome)
        {
            bundle.Entry.Add(outcome);
        }

        return bundle;
    }

    public static Bundle.EntryComponent Match(DocumentPointer pointer, string baseUrl, Bundle.SearchEntryMode mode = Bundle.SearchEntryMode.Match) => new()
    {
        FullUrl = $"{baseUrl}/DocumentReference/{pointer.Id}",
        Resource = DocumentReferenceMapper.ToFhir(pointer, baseUrl),
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    /// <summary>An outcome entry listing pointers that were left out, or null when none were.</summary>
    public static Bundle.EntryComponent? Warnings(IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return null;
        }

        var outcome = new OperationOutcome();
        foreach (var warning in warnings)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Warning,
                Code = OperationOutcome.IssueType.Incomplete,
                Details = new CodeableConcept { Text = warning },
            });
        }

        return new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = outcome,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
        };
    }

    private static void AddLink(Bundle bundle, string relation, string baseUrl, DocumentReferenceSearch search, int page) =>
        bundle.Link.Add(new Bundle.LinkComponent { Relation = relation, Url = baseUrl + "/DocumentReference" + Query(search, page) });

    private static string Query(DocumentReferenceSearch search, int page)
    {
        var q = search.Query;
        var query = QueryString.Create(DocumentReferenceSearchRequest.PatientParameter, NhsNumber.System + "|" + q.NhsNumber.Value);
        if (q.TypeCodes.Count > 0)
        {
            query = query.Add(DocumentReferenceSearchRequest.TypeParameter, Codes(q.TypeCodes));
        }

        if (q.CategoryCodes.Count > 0)
        {
            query = query.Add(DocumentReferenceSearchRequest.CategoryParameter, Codes(q.CategoryCodes));
        }

        return query
            .Add(DocumentReferenceSearchRequest.CountParameter, search.Count.ToString(CultureInfo.InvariantCulture))
            .Add(DocumentReferenceSearchRequest.PageParameter, page.ToString(CultureInfo.InvariantCulture))
            .Value!;
    }

    private static string Codes(IReadOnlyList<string> codes) => string.Join(',', codes.Select(c => CodedConcept.Snomed + "|" + c));
}
