namespace NcrsGateway.Fhir;

/// <summary>
/// Endpoint metadata on the root <c>/fhir</c> group (and so on every FHIR endpoint, the fallback included): the request
/// is audited (unless <see cref="NotAudited"/>), answered in FHIR JSON only (unless <see cref="AnyResponseFormat"/>) and
/// marked <c>Cache-Control: no-store</c> (unless <see cref="NotAudited"/>: only what carries no patient data is not audited).
/// </summary>
public sealed class FhirEndpointMetadata
{
    public static readonly FhirEndpointMetadata Instance = new();

    private FhirEndpointMetadata()
    {
    }
}
