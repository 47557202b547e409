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
            Documentation = "A patient's vaccinations from the national Immunisation FHIR API, newest first. Never cached. A restricted patient's performer and location are withheld (data-absent-reason masked).",
            Interaction = Interactions(TypeRestfulInteraction.SearchType),
            ReadHistory = false,
            SearchParam =
            [
                Param(ImmunisationSearchRequest.PatientParameter, SearchParamType.Token, "https://fhir.nhs.uk/Id/nhs-number|{NHS number}; required, once (or patient:identifier)"),
                Param(ImmunisationSearchRequest.TargetParameter, SearchParamType.Token, "Vaccine types, comma separated (COVID19, FLU, RSV, HPV, MMR, ...); required, once"),
                Param(ImmunisationSearchRequest.DateFromParameter, SearchParamType.Date, "Earliest vaccination date, yyyy-MM-dd, inclusive"),
                Param(ImmunisationSearchRequest.DateToParameter, SearchParamType.Date, "Latest vaccination date, yyyy-MM-dd, inclusive"),
            ],
        },
    ];
}
