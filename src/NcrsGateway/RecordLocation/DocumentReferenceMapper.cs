using System.Globalization;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Fhir;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// Internal <see cref="DocumentPointer"/> → UK Core DocumentReference. Every attachment URL points back at the
/// gateway's <c>Binary</c> endpoint: the repository URL (and whether it is <c>ssp://</c>) never leaves the gateway.
/// Everything else NRL says about the record is passed on: security labels (a very restricted pointer keeps its
/// <c>V</c>), description, document status, clinical context, attachment title, creation time and content stability.
/// </summary>
internal static class DocumentReferenceMapper
{
    public const string UkCoreDocumentReferenceProfile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-DocumentReference";
    private const string OdsSystem = IdentifierSystems.OdsOrganizationCode;
    private const string ContentStabilityUrl = "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability";

    public static DocumentReference ToFhir(DocumentPointer pointer, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var reference = new DocumentReference
        {
            Id = pointer.Id,
            Meta = new Meta
            {
                VersionId = pointer.Provenance.UpstreamVersion,
                LastUpdated = pointer.Updated,
                Source = GatewayExtensions.SourcePrefix + pointer.Provenance.Source,
                Profile = [UkCoreDocumentReferenceProfile],
            },
            Status = pointer.Status switch
            {
                PointerStatus.Current => DocumentReferenceStatus.Current,
                PointerStatus.Superseded => DocumentReferenceStatus.Superseded,
                _ => DocumentReferenceStatus.EnteredInError,
            },
            Type = Concept(pointer.Type),
            Subject = new ResourceReference { Identifier = new Identifier(NhsNumber.System, pointer.Patient.Value) },
            Custodian = new ResourceReference { Identifier = new Identifier(OdsSystem, pointer.CustodianOds) },
            Date = pointer.Created,
            Description = pointer.Description,
            DocStatus = pointer.DocStatus switch
            {
                DocumentStatus.Preliminary => CompositionStatus.Preliminary,
                DocumentStatus.Final => CompositionStatus.Final,
                DocumentStatus.Amended => CompositionStatus.Amended,
                DocumentStatus.EnteredInError => CompositionStatus.EnteredInError,
                _ => null,
            },
            SecurityLabel = [.. pointer.Confidentiality.Labels.Select(Concept)],
            Context = Context(pointer.Context),
        };
        reference.Meta.Extension.Add(GatewayExtensions.ProvenanceExtension(pointer.Provenance));
        if (pointer.Category is { } category)
        {
            reference.Category.Add(Concept(category));
        }

        if (pointer.Author is { } author)
        {
            reference.Author.Add(new ResourceReference
            {
                Identifier = author.OdsCode is null ? null : new Identifier(OdsSystem, author.OdsCode),
                Display = author.Display,
            });
        }

        if (pointer.Replaces is { } replaced)
        {
            reference.RelatesTo.Add(new DocumentReference.RelatesToComponent
            {
                Code = DocumentRelationshipType.Replaces,
                Target = new ResourceReference { Identifier = new Identifier { Value = replaced } },
            });
        }

        for (var i = 0; i < pointer.Content.Count; i++)
        {
            var content = pointer.Content[i];
            var component = new DocumentReference.ContentComponent
            {
                Attachment = new Attachment
                {
                    ContentType = content.ContentType,
                    Url = BinaryUrl(baseUrl, pointer.Id, pointer.Content.Count > 1 ? i : null),
                    Title = content.Title ?? pointer.Type.Display,
                    CreationElement = content.Created is { } created ? new FhirDateTime(created) : null,
                },
                Format = content.Format is { } f ? new Coding(f.System, f.Code, f.Display) : null,
            };
            if (content.Stability is { } stability)
            {
                component.Extension.Add(new Extension(ContentStabilityUrl, Concept(stability)));
            }

            reference.Content.Add(component);
        }

        return reference;
    }

    /// <summary>The gateway URL a caller downloads a pointer's document from.</summary>
    public static string BinaryUrl(string baseUrl, string pointerId, int? contentIndex) =>
        contentIndex is { } i
            ? string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/Binary/{pointerId}?content={i}")
            : $"{baseUrl}/Binary/{pointerId}";

    private static DocumentReference.ContextComponent? Context(PointerContext? context) => context is null ? null : new()
    {
        PracticeSetting = context.PracticeSetting is { } setting ? Concept(setting) : null,
        FacilityType = context.FacilityType is { } facility ? Concept(facility) : null,
        Event = [.. context.Events.Select(Concept)],
        Period = context.PeriodStart is null && context.PeriodEnd is null ? null : new Period(
            context.PeriodStart is { } s ? new FhirDateTime(s) : null,
            context.PeriodEnd is { } e ? new FhirDateTime(e) : null),
    };

    private static CodeableConcept Concept(CodedConcept concept) =>
        new(concept.System, concept.Code, concept.Display, null);
}
