using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Settings for the Immunisation FHIR API adapter, bound from <c>Adapters:Immunisation</c>.
/// <see cref="UpstreamOptions.BaseUrl"/> is the API's FHIR R4 base URL, ending in <c>/immunisation-fhir-api/FHIR/R4/</c>;
/// unset means the embedded sandbox. The adapter only searches (GET), so every call may be retried.
/// </summary>
public sealed class ImmunisationOptions : UpstreamOptions
{
    public const string SectionName = "Adapters:Immunisation";

    /// <summary>The path every Immunisation FHIR API base URL ends with.</summary>
    public const string FhirBasePath = "/immunisation-fhir-api/FHIR/R4/";
}
