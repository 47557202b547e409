using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// Settings for the PDS FHIR R4 adapter, bound from <c>Adapters:Pds</c>. <see cref="UpstreamOptions.BaseUrl"/> is the
/// PDS FHIR R4 base URL, ending in <c>/personal-demographics/FHIR/R4/</c>; unset means the embedded sandbox.
/// Retries apply to reads only.
/// </summary>
public sealed class PdsOptions : UpstreamOptions
{
    public const string SectionName = "Adapters:Pds";
}
