using Hl7.Fhir.Model;
using NcrsGateway.Fhir;
using static Hl7.Fhir.Model.CapabilityStatement;
using static NcrsGateway.Fhir.CapabilityParts;

namespace NcrsGateway.Immunisations;

/// <summary>The immunisation feature's part of the CapabilityStatement: Immunization search by patient and vaccine type.</summary>
internal sealed class ImmunisationCapabilities : ICapabilityContributor
{
    public IEnumerable<ResourceComponent> Resources() =>
    [
        new()
        {
            Type = ResourceType.Immunization.ToString(),
            Profile = ImmunizationResourceMapper.UkCoreImmunizationProfile,
            Documentation = "A patient's vaccinations from the national Immunisation FHIR API, newest first. Never cached. A restricted patient's performer and location are withheld (data-absent-reason masked). _count (0 to 100) pages the result; without it every vaccination is on one page. No read: entries' fullUrls are urn:uuid (stable per record).",
            Interaction = Interactions(TypeRestfulInteraction.SearchType),
            ReadHistory = false,
            SearchParam =
            [
                Param(ImmunisationSearchRequest.PatientReferenceParameter, SearchParamType.Reference, "Required, once: patient=Patient/{NHS number}, or (the national API's spelling) patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{NHS number}, or patient:identifier=..."),
                Param(ImmunisationSearchRequest.TargetDiseaseParameter, SearchParamType.Token, "Required, once: vaccine types, comma separated (COVID19, FLU, RSV, HPV, MMR, ...); also accepted as -immunization.target"),
                Param(ImmunisationSearchRequest.DateParameter, SearchParamType.Date, "geYYYY-MM-DD and/or leYYYY-MM-DD, inclusive; also accepted as -date.from / -date.to"),
            ],
        },
    ];
}
