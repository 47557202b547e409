namespace NcrsGateway.Fhir;

/// <summary>The questions middleware asks of the matched endpoint, answered from its metadata (never from the path).</summary>
public static class EndpointMetadataExtensions
{
    /// <summary>Every FHIR endpoint except those that carry no patient data.</summary>
    public static bool IsAudited(this Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<FhirEndpointMetadata>() is not null && endpoint.Metadata.GetMetadata<NotAudited>() is null;

    /// <summary>FHIR endpoints answer FHIR JSON, unless they stream content in its own format.</summary>
    public static bool RequiresFhirJson(this Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<FhirEndpointMetadata>() is not null && endpoint.Metadata.GetMetadata<AnyResponseFormat>() is null;

    /// <summary>What is audited may carry patient data, and so may a route marked <see cref="NoStore"/>.</summary>
    public static bool MayCarryPatientData(this Endpoint? endpoint) =>
        endpoint.IsAudited() || endpoint?.Metadata.GetMetadata<NoStore>() is not null;
}
