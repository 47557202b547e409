using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace NcrsGateway.Fhir;

/// <summary>
/// Applies what the gateway does for every search to the searchset its handler built: paging (<c>_count</c>,
/// <c>_page</c>) where the handler returned every match, <c>_summary</c> / <c>_elements</c>, and an outcome entry
/// naming how many parameters <c>Prefer: handling=lenient</c> ignored.
/// </summary>
internal static class SearchsetShaper
{
    public const string IgnoredMessage =
        "{0} search parameter(s) were not recognised and were ignored, as Prefer: handling=lenient asks (their names are not repeated here). The results may include more than was asked for: check the search criteria before relying on them. Supported: {1}.";

    /// <param name="bundle">The handler's searchset.</param>
    /// <param name="search">The route's search metadata.</param>
    /// <param name="shape">The result parameters asked for.</param>
    /// <param name="linkBase">The search's address without a query (<c>{base}/{type}</c>).</param>
    /// <param name="used">The parameters the search ran with (unknown ones already dropped), result parameters included.</param>
    /// <param name="ignored">How many parameters lenient handling dropped.</param>
    public static Bundle Shape(Bundle bundle, FhirSearch search, ResultParameters shape, string linkBase, IReadOnlyList<KeyValuePair<string, string>> used, int ignored)
    {
        var matches = bundle.Entry.Where(e => e.Search?.Mode is null or Bundle.SearchEntryMode.Match).ToList();
        var includes = bundle.Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Include).ToList();
        var outcomes = bundle.Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Outcome).ToList();
        bundle.Total ??= matches.Count;

        if (search.GatewayPaging && shape.Count is { } count)
        {
            var total = matches.Count;
            var lastPage = count == 0 ? 1 : Math.Max(1, (total + count - 1) / count);
            matches = count == 0 ? [] : [.. matches.Skip((shape.Page - 1) * count).Take(count)];
            includes = shape.Page == 1 ? includes : [];
            bundle.Link.Clear();
            bundle.Link.Add(Link("self", linkBase, used, shape.Page));
            if (count > 0)
            {
                bundle.Link.Add(Link("first", linkBase, used, 1));
                if (shape.Page > 1)
                {
                    bundle.Link.Add(Link("previous", linkBase, used, Math.Min(shape.Page - 1, lastPage)));
                }

                if (shape.Page < lastPage)
                {
                    bundle.Link.Add(Link("next", linkBase, used, shape.Page + 1));
                }

                bundle.Link.Add(Link("last", linkBase, used, lastPage));
            }
        }

        if (shape.Summary == "count")
        {
            matches = [];
            includes = [];
        }
        else if (shape.Summary is not null || shape.Elements is not null)
        {
            foreach (var entry in matches.Concat(includes).Where(e => e.Resource is not null))
            {
                entry.Resource = ResourceSubsets.Subset(entry.Resource!, shape);
            }
        }

        bundle.Entry = [.. matches, .. includes, .. outcomes];
        if (ignored > 0)
        {
            bundle.Entry.Add(IgnoredOutcome(search, ignored));
        }

        return bundle;
    }

    private static Bundle.LinkComponent Link(string relation, string linkBase, IReadOnlyList<KeyValuePair<string, string>> used, int page) => new()
    {
        Relation = relation,
        Url = QueryHelpers.AddQueryString(
            linkBase,
            used.Where(p => p.Key != ResultParameters.PageName)
                .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
                .Append(new KeyValuePair<string, string?>(ResultParameters.PageName, page.ToString(CultureInfo.InvariantCulture)))),
    };

    private static Bundle.EntryComponent IgnoredOutcome(FhirSearch search, int ignored)
    {
        var supported = search.Parameters.Where(p => p != ResultParameters.FormatName).Order(StringComparer.Ordinal);
        var outcome = new OperationOutcome
        {
            Id = Guid.NewGuid().ToString(),
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Warning,
                    Code = OperationOutcome.IssueType.NotSupported,
                    Details = new CodeableConcept
                    {
                        Text = string.Format(CultureInfo.InvariantCulture, IgnoredMessage, ignored, string.Join(", ", supported)),
                    },
                },
            ],
        };
        return new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + outcome.Id,
            Resource = outcome,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
        };
    }
}
