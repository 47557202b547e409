using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// NRL wire DocumentReference → internal <see cref="DocumentPointer"/>. A pointer that cannot be shown
/// safely (no custodian, unusable URL, someone else's NHS number) is refused with a reason, never patched up.
/// </summary>
internal static partial class NrlMapper
{
    internal const string OdsSystem = IdentifierSystems.OdsOrganizationCode;
    internal const string AsidSystem = "https://fhir.nhs.uk/Id/nhsSpineASID";
    internal const string ContentStabilityUrl = "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability";

    [GeneratedRegex("^[A-Z0-9]{3,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex OdsCode();

    /// <summary>Maps one pointer; on failure <paramref name="reason"/> is one of <see cref="NrlSkipReason"/>.</summary>
    public static bool TryMap(
        DocumentReference wire,
        NhsNumber? expectedPatient,
        bool allowHttp,
        DateTimeOffset retrievedAt,
        [NotNullWhen(true)] out DocumentPointer? pointer,
        [NotNullWhen(false)] out string? reason)
    {
        pointer = null;
        reason = Check(wire, expectedPatient, allowHttp, out var patient, out var custodian, out var type, out var status, out var content);
        if (reason is not null)
        {
            return false;
        }

        var provenance = new Provenance(SourceServices.Nrl, retrievedAt, wire.Meta?.VersionId, retrievedAt, ShowWithoutRefresh: true);
        pointer = new DocumentPointer(
            wire.Id!,
            patient,
            type!,
            Snomed(wire.Category) ?? wire.Category.Select(MapConcept).FirstOrDefault(c => c is not null), // SNOMED preferred; another system is kept, not dropped
            custodian!,
            MapAuthor(wire.Author.FirstOrDefault()),
            wire.Date,
            wire.Meta?.LastUpdated,
            status,
            content!,
            Replaces(wire),
            new PointerConfidentiality(wire.SecurityLabel.SelectMany(l => l.Coding).Select(MapCoding).OfType<CodedConcept>().ToArray()),
            string.IsNullOrWhiteSpace(wire.Description) ? null : wire.Description,
            MapDocStatus(wire.DocStatus),
            MapContext(wire.Context),
            provenance);
        return true;
    }

    private static string? Check(
        DocumentReference wire,
        NhsNumber? expectedPatient,
        bool allowHttp,
        out NhsNumber patient,
        out string? custodian,
        out CodedConcept? type,
        out PointerStatus status,
        out IReadOnlyList<DocumentContent>? content)
    {
        patient = default;
        custodian = wire.Custodian?.Identifier is { System: OdsSystem, Value: { } ods } && OdsCode().IsMatch(ods) ? ods : null;
        type = Snomed([wire.Type]);
        status = default;
        content = null;

        if (string.IsNullOrWhiteSpace(wire.Id))
        {
            return NrlSkipReason.MissingId;
        }

        if (wire.Subject?.Identifier is not { System: NhsNumber.System } subject
            || !NhsNumber.TryParse(subject.Value, out patient)
            || (expectedPatient is { } expected && expected != patient))
        {
            return NrlSkipReason.WrongPatient;
        }

        if (custodian is null)
        {
            return NrlSkipReason.BadCustodian;
        }

        if (type is null)
        {
            return NrlSkipReason.BadType;
        }

        if (MapStatus(wire.Status) is not { } mapped)
        {
            return NrlSkipReason.BadStatus;
        }

        status = mapped;
        return MapContent(wire, allowHttp, out content);
    }

    private static string? MapContent(DocumentReference wire, bool allowHttp, out IReadOnlyList<DocumentContent>? content)
    {
        content = null;
        if (wire.Content.Count == 0)
        {
            return NrlSkipReason.NoContent;
        }

        var asid = wire.Context?.Related
            .Select(r => r.Identifier)
            .FirstOrDefault(i => i is { System: AsidSystem, Value.Length: > 0 })?.Value;
        var items = new List<DocumentContent>(wire.Content.Count);
        foreach (var c in wire.Content)
        {
            if (!Uri.TryCreate(c.Attachment?.Url, UriKind.Absolute, out var url)
                || !(url.Scheme is "https" or DocumentContent.SspScheme || (allowHttp && url.Scheme == "http")))
            {
                return NrlSkipReason.BadUrl;
            }

            var item = new DocumentContent(
                url,
                c.Attachment!.ContentType ?? "application/octet-stream",
                MapCoding(c.Format),
                asid,
                string.IsNullOrWhiteSpace(c.Attachment.Title) ? null : c.Attachment.Title,
                ParseInstant(c.Attachment.Creation),
                MapConcept(c.GetExtension(ContentStabilityUrl)?.Value as CodeableConcept));
            if (item.RequiresSpineSecureProxy && asid is null)
            {
                return NrlSkipReason.SspWithoutAsid;
            }

            items.Add(item);
        }

        content = items;
        return null;
    }

    private static PointerStatus? MapStatus(DocumentReferenceStatus? status) => status switch
    {
        DocumentReferenceStatus.Current => PointerStatus.Current,
        DocumentReferenceStatus.Superseded => PointerStatus.Superseded,
        DocumentReferenceStatus.EnteredInError => PointerStatus.EnteredInError,
        _ => null,
    };

    private static DocumentStatus? MapDocStatus(CompositionStatus? status) => status switch
    {
        CompositionStatus.Preliminary => DocumentStatus.Preliminary,
        CompositionStatus.Final => DocumentStatus.Final,
        CompositionStatus.Amended => DocumentStatus.Amended,
        CompositionStatus.EnteredInError => DocumentStatus.EnteredInError,
        _ => null,
    };

    private static PointerContext? MapContext(DocumentReference.ContextComponent? context)
    {
        if (context is null)
        {
            return null;
        }

        var mapped = new PointerContext(
            MapConcept(context.PracticeSetting),
            MapConcept(context.FacilityType),
            context.Event.Select(MapConcept).OfType<CodedConcept>().ToArray(),
            ParseInstant(context.Period?.Start),
            ParseInstant(context.Period?.End));
        return mapped is { PracticeSetting: null, FacilityType: null, Events.Count: 0, PeriodStart: null, PeriodEnd: null } ? null : mapped;
    }

    private static DateTimeOffset? ParseInstant(string? value) =>
        value is not null && FhirDateTime.IsValidValue(value) && new FhirDateTime(value).TryToDateTimeOffset(out var when) ? when : null;

    private static CodedConcept? MapConcept(CodeableConcept? concept) =>
        concept?.Coding.Select(MapCoding).FirstOrDefault(c => c is not null);

    private static CodedConcept? Snomed(IEnumerable<CodeableConcept?> concepts) =>
        concepts.SelectMany(c => c?.Coding ?? [])
            .Where(c => c.System == CodedConcept.Snomed)
            .Select(c => c.Code is { Length: > 0 } code ? new CodedConcept(CodedConcept.Snomed, code, c.Display) : null)
            .FirstOrDefault(c => c is not null);

    private static CodedConcept? MapCoding(Coding? c) =>
        c is { Code: { Length: > 0 } code } ? new CodedConcept(c.System ?? string.Empty, code, c.Display) : null;

    private static PointerAuthor? MapAuthor(ResourceReference? author) => author switch
    {
        { Identifier: { System: OdsSystem, Value.Length: > 0 } id } => new PointerAuthor(id.Value, author.Display),
        { Display.Length: > 0 } => new PointerAuthor(null, author.Display),
        _ => null,
    };

    private static string? Replaces(DocumentReference wire) =>
        wire.RelatesTo
            .Where(r => r.Code == DocumentRelationshipType.Replaces)
            .Select(r => r.Target?.Identifier?.Value ?? LastSegment(r.Target?.Reference))
            .FirstOrDefault(id => !string.IsNullOrEmpty(id));

    private static string? LastSegment(string? reference) =>
        reference is null ? null : reference[(reference.LastIndexOf('/') + 1)..];
}
