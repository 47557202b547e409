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
            Documentation = "National Record Locator pointers. Attachment URLs point at this gateway's Binary endpoint, never at the record's repository. Search pages with _count (0 to 100, default 20): follow the Bundle's next/previous links.",
            Interaction = Interactions(TypeRestfulInteraction.Read, TypeRestfulInteraction.SearchType),
            ReadHistory = false,
            SearchParam =
            [
                Param("patient", SearchParamType.Reference, "Required, once: patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{NHS number}, or patient=Patient/{NHS number} (subject and subject:identifier are accepted too)"),
                Param("type", SearchParamType.Token, "http://snomed.info/sct|{code}; commas separate alternatives"),
                Param("category", SearchParamType.Token, "http://snomed.info/sct|{code}; commas separate alternatives"),
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
