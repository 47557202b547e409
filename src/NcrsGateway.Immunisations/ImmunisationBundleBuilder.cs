using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.Immunisations;

/// <summary>
/// The searchset Bundle a caller receives for an Immunization search: newest vaccination first, links on the gateway's
/// base URL (never the upstream's), and the explicit absent states: a withheld history is an OperationOutcome entry
/// (issue <c>suppressed</c>, data-absent "masked"), never an empty list that reads as "no vaccinations"; records left
/// out as unusable are listed in an outcome entry without NHS numbers or URLs. Not recorded is an empty searchset.
/// </summary>
internal static class ImmunisationBundleBuilder
{
    public const string WithheldMessage =
        "This patient's vaccination history is withheld by the national immunisation service (restricted record). It may exist: do not treat the patient as unvaccinated; ask the patient or their GP practice.";

    public static Bundle Build(ImmunisationSearchResult result, ImmunisationSearchQuery query, string baseUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(query);
        var events = result.EventsOrEmpty
            .OrderByDescending(e => e.OccurrenceDateTime, StringComparer.Ordinal)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Searchset,
            Timestamp = now,
            Total = events.Count,
            Meta = new Meta { LastUpdated = now },
        };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = baseUrl + "/Immunization" + SelfQuery(query) });
        foreach (var e in events)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = FullUrl(e.Id), // no Immunization read: a stable urn:uuid, never an address that answers 404
                Resource = ImmunizationResourceMapper.ToFhir(e),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        if (result.Events.State == ElementState.Withheld)
        {
            bundle.Entry.Add(Outcome(Withheld(result.Events.Provenance)));
        }

        if (result.Warnings.Count > 0)
        {
            bundle.Entry.Add(Outcome(Warnings(result.Warnings)));
        }

        return bundle;
    }

    /// <summary>
    /// The entry's <c>fullUrl</c>: <c>urn:uuid:</c> plus a name-based UUID of the national record's id (version 5 layout),
    /// the same in every search, so a client can tell entries apart and match them across searches without a read.
    /// </summary>
    public static string FullUrl(string eventId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("ncrs-gateway:Immunization:" + eventId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static OperationOutcome.IssueComponent Withheld(Core.Model.Provenance provenance)
    {
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Warning,
            Code = OperationOutcome.IssueType.Suppressed,
            Details = new CodeableConcept { Text = WithheldMessage },
        };
        issue.Extension.AddRange(GatewayExtensions.Absent(ElementState.Withheld));
        issue.Extension.Add(GatewayExtensions.ProvenanceExtension(provenance));
        return issue;
    }

    private static IEnumerable<OperationOutcome.IssueComponent> Warnings(IReadOnlyList<string> warnings) =>
        warnings.Select(w => new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Warning,
            Code = OperationOutcome.IssueType.Incomplete,
            Details = new CodeableConcept { Text = w },
        });

    private static Bundle.EntryComponent Outcome(OperationOutcome.IssueComponent issue) => Outcome([issue]);

    private static Bundle.EntryComponent Outcome(IEnumerable<OperationOutcome.IssueComponent> issues)
    {
        var outcome = new OperationOutcome();
        outcome.Issue.AddRange(issues);
        return new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = outcome,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
        };
    }

    private static string SelfQuery(ImmunisationSearchQuery query)
    {
        var sb = new StringBuilder("?");
        sb.Append(ImmunisationSearchRequest.PatientParameter).Append('=').Append(Uri.EscapeDataString(NhsNumber.System + "|" + query.NhsNumber.Value));
        sb.Append('&').Append(ImmunisationSearchRequest.TargetParameter).Append('=').AppendJoin(',', query.TargetDiseases);
        if (query.DateFrom is { } from)
        {
            sb.Append('&').Append(ImmunisationSearchRequest.DateFromParameter).Append('=').Append(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (query.DateTo is { } to)
        {
            sb.Append('&').Append(ImmunisationSearchRequest.DateToParameter).Append('=').Append(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
