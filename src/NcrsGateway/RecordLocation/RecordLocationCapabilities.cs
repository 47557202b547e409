using Hl7.Fhir.Model;
using NcrsGateway.Fhir;
using static Hl7.Fhir.Model.CapabilityStatement;
using static NcrsGateway.Fhir.CapabilityParts;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// Record location's part of the CapabilityStatement: DocumentReference search and read, Binary read, and
/// <c>_revinclude=DocumentReference:subject</c> on Patient search when demographics is present too.
/// </summary>
internal sealed class RecordLocationCapabilities : ICapabilityContributor
{
    public IEnumerable<ResourceComponent> Resources() =>
    [
        new()
        {
            Type = ResourceType.DocumentReference.ToString(),
            Profile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-DocumentReference",
            Documentation = "National Record Locator pointers. Attachment URLs point at this gateway's Binary endpoint, never at the record's repository.",
            Interaction = Interactions(TypeRestfulInteraction.Read, TypeRestfulInteraction.SearchType),
            ReadHistory = false,
            SearchParam =
            [
                Param("patient:identifier", SearchParamType.Token, "https://fhir.nhs.uk/Id/nhs-number|{NHS number}; required (subject:identifier is accepted too)"),
                Param("type", SearchParamType.Token, "http://snomed.info/sct|{code}; commas separate alternatives"),
                Param("category", SearchParamType.Token, "http://snomed.info/sct|{code}; commas separate alternatives"),
                Param("_count", SearchParamType.Number, "Page size, 0 to 100; default 20"),
                Param("_page", SearchParamType.Number, "1-based page number; follow the Bundle's next/previous links"),
            ],
        },
        new()
        {
            Type = ResourceType.Binary.ToString(),
            Documentation = "GET Binary/{pointer id}[?content=n] streams the document a DocumentReference locates, in its own content type, with Cache-Control: no-store.",
            Interaction = Interactions(TypeRestfulInteraction.Read),
            ReadHistory = false,
        },
    ];

    public void Amend(IReadOnlyList<ResourceComponent> resources) =>
        resources.Find(ResourceType.Patient)?.SearchRevIncludeElement.Add(new FhirString("DocumentReference:subject"));
}
