using Hl7.Fhir.Model;
using NcrsGateway.Fhir;
using static Hl7.Fhir.Model.CapabilityStatement;
using static NcrsGateway.Fhir.CapabilityParts;

namespace NcrsGateway.Demographics;

/// <summary>Demographics' part of the CapabilityStatement: Patient read and search (operations and _revinclude come from the features that serve them).</summary>
internal sealed class PatientCapabilities : ICapabilityContributor
{
    public IEnumerable<ResourceComponent> Resources() =>
    [
        new()
        {
            Type = ResourceType.Patient.ToString(),
            Profile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient",
            Documentation = "National demographics (PDS). Search pages with _count (0 to 100): without it, every match (at most _max-results) is on one page. A superseded NHS number reads as an inactive Patient linked (replaced-by) to the current record.",
            Interaction = Interactions(TypeRestfulInteraction.Read, TypeRestfulInteraction.SearchType),
            ReadHistory = false,
            SearchParam =
            [
                Param("identifier", SearchParamType.Token, "https://fhir.nhs.uk/Id/nhs-number|{NHS number}; on its own"),
                Param("family", SearchParamType.String, "Family name; required with birthdate unless _fuzzy-match=true"),
                Param("given", SearchParamType.String, "Given name; repeatable"),
                Param("birthdate", SearchParamType.Date, "yyyy-MM-dd with eq, ge or le; two values for a range"),
                Param("gender", SearchParamType.Token, "male | female | other | unknown"),
                Param("address-postalcode", SearchParamType.String, "Postcode"),
                Param("_fuzzy-match", SearchParamType.Token, "true for a fuzzy (phonetic) search"),
                Param("_exact-match", SearchParamType.Token, "true for an exact match only"),
                Param("_max-results", SearchParamType.Number, "1 to 50; default 10"),
            ],
        },
    ];
}
